import Foundation
import ScenarioServer
import Testing

/// `xhrtape record` and `xhrtape replay` as a user runs them: the built binary, the curl CLI
/// as the client, the scenario server upstream (stopped before the replay).
struct RecordReplayCommandTests {
    /// Starts the binary and returns it with the proxy URL from its first line.
    private func startProxy(_ arguments: [String]) throws -> (Process, Pipe, String) {
        let binary = try #require(ServeScenariosTests.builtBinary())
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }  // the process ended
            text += String(decoding: data, as: UTF8.self)
        }
        let url = try #require(text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression).map { String(text[$0]) })
        return (process, output, url)
    }

    private func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "10"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func finish(_ process: Process, _ output: Pipe) -> String {
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: rest, as: UTF8.self)
    }

    @Test func recordThenReplayOfflineGivesTheSameBodyAndAMissGets598() async throws {
        let cassette = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-cli-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: cassette) }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let target = server.url("/trickle?chunks=3&size=10&interval=50")

        let (recorder, recordOutput, recordURL) = try startProxy(["record", "--cassette", cassette, "--port", "0", "--duration", "3"])
        let recorded = try curl(["-x", recordURL, target])
        let recordSummary = finish(recorder, recordOutput)
        try await server.shutdown()
        #expect(recorded == String(decoding: BodyPattern.bytes(from: 0, count: 30), as: UTF8.self))
        #expect(recorder.terminationStatus == 0)
        #expect(recordSummary.contains("holds 1 exchange"))

        let (replayer, replayOutput, replayURL) = try startProxy(["replay", "--cassette", cassette, "--port", "0", "--duration", "3"])
        let replayed = try curl(["-x", replayURL, target])
        let missStatus = try curl(["-x", replayURL, "-o", "/dev/null", "-w", "%{http_code}", server.url("/bytes?n=1")])
        _ = finish(replayer, replayOutput)
        #expect(replayed == recorded)
        #expect(missStatus == "598")
        #expect(replayer.terminationStatus == 0)
    }

    @Test func replayOfAMissingCassetteFailsWithAMessage() throws {
        let binary = try #require(ServeScenariosTests.builtBinary())
        let process = Process()
        process.executableURL = binary
        process.arguments = ["replay", "--cassette", "/nonexistent/dir/none.sqlite", "--port", "0", "--duration", "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.hasPrefix("Error: "))
    }
}
