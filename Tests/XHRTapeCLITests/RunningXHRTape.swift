import Foundation
import Testing

/// The built `xhrtape` binary running as a user runs it, with `XHRTAPE_HOME` in a fresh
/// temporary directory so a test never touches the real CA.
final class RunningXHRTape {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    /// `XHRTAPE_HOME` for this run.
    let home: String
    /// What ``proxyURL()`` read past the first line; ``finish(deadlineSeconds:)`` returns it first.
    private var readAfterFirstLine = ""

    /// Starts `xhrtape arguments…`.
    init(_ arguments: [String], home: String? = nil) throws {
        let binary = try #require(ServeScenariosTests.builtBinary())
        self.home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-home-\(UUID())").path
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XHRTAPE_HOME"] = self.home
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Reads standard output up to the first line and returns the proxy URL from
    /// `listening 127.0.0.1:PORT`.
    func proxyURL() throws -> String {
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }  // the process ended
            text += String(decoding: data, as: UTF8.self)
        }
        let line = try #require(text.split(separator: "\n").first.map(String.init), "no output: \(text)")
        readAfterFirstLine = text.firstIndex(of: "\n").map { String(text[text.index(after: $0)...]) } ?? ""
        #expect(line.hasPrefix("listening 127.0.0.1:"))
        return "http://" + line.dropFirst("listening ".count)
    }

    /// Sends `signal` (SIGTERM, SIGINT) to the process.
    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits, at most `deadlineSeconds`, for the process to end; returns its status and the
    /// rest of its output (standard output from after the first line, when ``proxyURL()`` read it). Both pipes are read at once so that a full pipe cannot stall it.
    func finish(deadlineSeconds: Int = 60) -> (status: Int32, standardOutput: String, standardError: String) {
        let readers = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        let (output, errors) = (output, errors)
        DispatchQueue.global().async(group: readers) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        if readers.wait(timeout: .now() + .seconds(deadlineSeconds)) == .timedOut {
            process.terminate()
            Issue.record("xhrtape \(process.arguments?.joined(separator: " ") ?? "") ran past \(deadlineSeconds) s")
            readers.wait()
        }
        process.waitUntilExit()
        return (process.terminationStatus, readAfterFirstLine + String(decoding: outputData, as: UTF8.self),
                String(decoding: errorData, as: UTF8.self))
    }
}

@available(*, unavailable)
extension RunningXHRTape: Sendable {}
