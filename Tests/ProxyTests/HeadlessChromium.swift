import Foundation
import Testing

/// Debian's Chromium, headless, loading one page through the proxy as a user would point a
/// browser at it, and printing the page's DOM (`--dump-dom`).
///
/// Each load gets a fresh profile, so no certificate decision or cache carries over, and
/// Chromium's own background traffic (updates, sign-in, connectivity checks) is switched off
/// so that the proxy sees only the page.
enum HeadlessChromium {
    /// The real binary (Debian's /usr/bin/chromium is a wrapper script around it).
    static let binary: String? = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// True when the Chromium tests should run: Chromium is installed, or this is CI
    /// (`CI=true`), where a missing Chromium must fail them rather than skip them.
    static var enabled: Bool {
        if binary != nil || ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        print("Skipping: Debian's chromium is not installed (apt-get install chromium); CI=true makes this a failure.")
        return false
    }

    struct NotInstalled: Error, CustomStringConvertible {
        var description: String { "Debian's chromium is not installed: apt-get install chromium" }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var seconds: Int
        var description: String { "headless Chromium did not finish within \(seconds) s" }
    }

    /// Loads `url` through the HTTP proxy on 127.0.0.1:`proxyPort` and returns the DOM.
    /// `spki` is the `--ignore-certificate-errors-spki-list` value (`xhrtape ca export`
    /// prints it), or nil to trust nothing extra.
    static func dumpDOM(_ url: String, proxyPort: Int, spki: String?, deadlineSeconds: Int = 60) async throws -> String {
        guard let binary else { throw NotInstalled() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let domFile = scratch.appendingPathComponent("dom.html")
        #expect(FileManager.default.createFile(atPath: domFile.path, contents: nil))
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-features=OptimizationHints,MediaRouter",
            // Loopback targets bypass a proxy unless told otherwise.
            "--proxy-server=http://127.0.0.1:\(proxyPort)", "--proxy-bypass-list=<-loopback>",
        ]
        if let spki { arguments.append("--ignore-certificate-errors-spki-list=\(spki)") }
        arguments += ["--dump-dom", url]
        let output = try FileHandle(forWritingTo: domFile)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let finished = try await onOwnThread { () throws -> Bool in
            let ended = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in ended.signal() }
            try process.run()
            if ended.wait(timeout: .now() + .seconds(deadlineSeconds)) == .timedOut {
                process.terminate()
                process.waitUntilExit()
                return false
            }
            return true
        }
        guard finished else { throw TimedOut(seconds: deadlineSeconds) }
        return try String(contentsOf: domFile, encoding: .utf8)
    }
}
