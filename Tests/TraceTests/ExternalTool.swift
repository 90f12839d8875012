import Foundation

/// Programs outside the package that some tests drive: Debian's Chromium and Playwright for
/// Python. A test that needs one runs when it is installed, and always in CI (`CI=true`), where
/// a missing tool must fail the test rather than skip it.
enum ExternalTool {
    /// True in CI, where every tool must be present.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The real Chromium binary (Debian's /usr/bin/chromium is a wrapper script around it).
    static let chromium: String? = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// True when `python3 -c "import playwright"` works.
    static let playwrightAvailable: Bool = (try? run(["python3", "-c", "import playwright"]).status) == 0

    /// Whether a test needing Chromium should run; prints why not when it is skipped.
    static var chromiumTestsEnabled: Bool {
        if chromium != nil || inCI { return true }
        print("Skipping: Debian's chromium is not installed (apt-get install chromium); CI=true makes this a failure.")
        return false
    }

    /// Whether a test needing Playwright and Chromium should run; prints why not when it is skipped.
    static var playwrightTestsEnabled: Bool {
        if (chromium != nil && playwrightAvailable) || inCI { return true }
        print("Skipping: needs chromium and Playwright for Python (pip install playwright); CI=true makes this a failure.")
        return false
    }

    /// Output and status of a finished program.
    struct Result {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `arguments` (looked up on PATH) to completion, with a deadline.
    static func run(_ arguments: [String], timeoutSeconds: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the program runs, so a full pipe cannot stall it.
        let outputData = Box()
        let errorData = Box()
        let group = DispatchGroup()
        for (pipe, box) in [(output, outputData), (errors, errorData)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(arguments: arguments, seconds: timeoutSeconds)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: outputData.data,
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }

    /// A program that did not finish within its deadline.
    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Double
        var description: String { "\(arguments.joined(separator: " ")) did not finish within \(seconds) s" }
    }

    /// Bytes read on a background queue, read after the group is done.
    private final class Box: @unchecked Sendable {  // written once on one queue, read after DispatchGroup.wait
        var data = Data()
    }
}
