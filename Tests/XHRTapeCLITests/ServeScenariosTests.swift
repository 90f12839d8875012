import ArgumentParser
@testable import XHRTapeCLI
import Foundation
import Testing

struct ServeScenariosTests {
    @Test func defaultsListenOnLoopbackWithTLS() throws {
        let command = try ServeScenarios.parse([])
        #expect(command.host == "127.0.0.1")
        #expect(command.port == 8080)
        #expect(!command.noTLS)
    }

    @Test(arguments: [["--port", "70000"], ["--tls-port", "-1"], ["--duration", "0"], ["--no-tls", "--ca-out", "x.pem"], ["--bogus"]])
    func badOptionsAreUsageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { try ServeScenarios.parse(arguments) }
        #expect(XHRTapeCommand.exitCode(for: parseError(arguments)) == .validationFailure)
    }

    /// Wraps a parse failure the way `main()` would see it.
    private func parseError(_ arguments: [String]) -> any Error {
        do {
            _ = try XHRTapeCommand.parseAsRoot(["serve-scenarios"] + arguments)
            return CancellationError()
        } catch {
            return error
        }
    }

    @Test func theBinaryServesScenariosAndStopsByItself() throws {
        let binary = try #require(Self.builtBinary())
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve-scenarios", "--port", "0", "--no-tls", "--duration", "1"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Scenario server listening on http://127.0.0.1:"))
        #expect(text.contains("Scenario server stopped."))
    }

    @Test func theBinaryRejectsUnknownFlagsWithAUsageExitCode() throws {
        let binary = try #require(Self.builtBinary())
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve-scenarios", "--bogus"]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "unknown flags exit 2 (documented exit codes)")
    }

    /// The `xhrtape` executable next to the test bundle (SwiftPM builds it with the tests).
    static func builtBinary() -> URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("xhrtape")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
