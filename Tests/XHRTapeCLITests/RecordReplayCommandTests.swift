import Foundation
import ScenarioServer
import Testing

/// `xhrtape record` and `xhrtape replay` as a user runs them: the built binary, the curl CLI
/// as the client, the scenario server upstream (stopped before the replay).
struct RecordReplayCommandTests {
    private func curl(_ arguments: [String]) async throws -> String {
        try await CurlCLI.run(arguments, maxSeconds: 10).output
    }

    @Test func recordThenReplayOfflineGivesTheSameBodyAndAMissGets598() async throws {
        let cassette = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-cli-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: cassette) }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let target = server.url("/trickle?chunks=3&size=10&interval=50")

        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--duration", "3"])
        let recorded = try await curl(["-x", try recorder.proxyURL(), target])
        let recordEnd = recorder.finish()
        try await server.shutdown()
        #expect(recorded == String(decoding: BodyPattern.bytes(from: 0, count: 30), as: UTF8.self))
        #expect(recordEnd.status == 0)
        #expect(recordEnd.standardOutput.contains("holds 1 exchange"))
        #expect(recordEnd.standardError.contains("Created the xhrtape certificate authority"))
        // One log line per exchange: method, URL, status, body bytes, duration, and where it came from.
        #expect(logSources(recordEnd.standardError, for: "GET \(target) 200 30B ") == ["recorded"])

        // Stopped by SIGTERM once both requests are answered: a fixed --duration can end before a
        // loaded machine has sent the second one (the recorder above covers --duration).
        let replayer = try RunningXHRTape(["replay", "--cassette", cassette, "--port", "0"], home: recorder.home)
        let replayURL = try replayer.proxyURL()
        let replayed = try await curl(["-x", replayURL, target])
        let missStatus = try await curl(["-x", replayURL, "-o", "/dev/null", "-w", "%{http_code}", server.url("/bytes?n=1")])
        replayer.signal(SIGTERM)
        let replayEnd = replayer.finish()
        #expect(replayed == recorded)
        #expect(missStatus == "598")
        #expect(replayEnd.status == 0)
        #expect(!replayEnd.standardError.contains("Created the xhrtape certificate authority"))
        #expect(logSources(replayEnd.standardError, for: "GET \(target) 200 30B ") == ["replayed"])
        #expect(logSources(replayEnd.standardError, for: "GET \(server.url("/bytes?n=1")) 598 ") == ["miss"])
    }

    /// `--only-host`: the recorder passes the other host through unrecorded, the replayer answers
    /// it 598 with X-Xhrtape-Excluded, and `--fail-on-miss` does not count it.
    @Test func theHostFilterKeepsOtherHostsOutOfTheCassetteAndOutOfTheMisses() async throws {
        let cassette = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-cli-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: cassette) }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let kept = server.url("/bytes?n=20").replacingOccurrences(of: "://127.0.0.1:", with: "://localhost:")
        let other = server.url("/bytes?n=30")

        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--only-host", "localhost"])
        let proxy = try recorder.proxyURL()
        let recordedStatus = try await curl(["-x", proxy, "-o", "/dev/null", "-w", "%{http_code}", kept])
        let passedStatus = try await curl(["-x", proxy, "-o", "/dev/null", "-w", "%{http_code}", other])
        recorder.signal(SIGTERM)
        let recordEnd = recorder.finish()
        try await server.shutdown()
        #expect([recordedStatus, passedStatus] == ["200", "200"])
        #expect(recordEnd.status == 0)
        #expect(recordEnd.standardOutput.contains("Host filter: only localhost; other hosts are passed through unrecorded."))
        #expect(recordEnd.standardOutput.contains("holds 1 exchange"), "\(recordEnd.standardOutput)")
        #expect(logSources(recordEnd.standardError, for: "GET \(kept) 200 20B ") == ["recorded"])
        #expect(logSources(recordEnd.standardError, for: "GET \(other) 200 30B ") == ["passed-through"])

        let replayer = try RunningXHRTape(["replay", "--cassette", cassette, "--port", "0", "--only-host", "localhost", "--fail-on-miss"],
                                          home: recorder.home)
        let replayURL = try replayer.proxyURL()
        let replayedStatus = try await curl(["-x", replayURL, "-o", "/dev/null", "-w", "%{http_code}", kept])
        let excludedHead = try await curl(["-x", replayURL, "-s", "-D", "-", "-o", "/dev/null", other])
        replayer.signal(SIGTERM)
        let replayEnd = replayer.finish()
        #expect(replayedStatus == "200")
        #expect(excludedHead.hasPrefix("HTTP/1.1 598 Not Replayed"), "\(excludedHead)")
        #expect(excludedHead.contains("X-Xhrtape-Excluded: 1"))
        #expect(replayEnd.status == 0, "not a miss: \(replayEnd.standardOutput)")
        #expect(replayEnd.standardOutput.contains("1 outside the host filter"), "\(replayEnd.standardOutput)")
        #expect(replayEnd.standardOutput.contains("0 missed"))
        #expect(logSources(replayEnd.standardError, for: "GET \(other) 598 ") == ["excluded"])
    }

    /// The matching flags loosen what must equal (the query's order, a cache buster) and add what
    /// must (the JSON body, a header); the replayer without them answers otherwise.
    @Test func theMatchingFlagsDecideWhichRecordingAnswers() async throws {
        let cassette = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-cli-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: cassette) }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let bodyURL = server.url("/echo?case=body")
        let queryURL = server.url("/echo?case=query&n=5&_=111")
        let headerURL = server.url("/echo?case=header")
        let json = ["-H", "Content-Type: application/json", "--data-binary"]

        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0"])
        let proxy = try recorder.proxyURL()
        let firstBody = try await curl(["-x", proxy] + json + [#"{"a":1,"b":2}"#, bodyURL])
        let secondBody = try await curl(["-x", proxy] + json + [#"{"a":3}"#, bodyURL])
        let query = try await curl(["-x", proxy, queryURL])
        let firstHeader = try await curl(["-x", proxy, "-H", "Accept: text/x-one", headerURL])
        let secondHeader = try await curl(["-x", proxy, "-H", "Accept: text/x-two", headerURL])
        recorder.signal(SIGTERM)
        #expect(recorder.finish().standardOutput.contains("holds 5 exchanges"))
        try await server.shutdown()
        #expect(secondBody.contains("\"bodyLength\":7,"), "the echo shows the body: \(secondBody)")
        #expect(Set([firstBody, secondBody]).count == 2 && Set([firstHeader, secondHeader]).count == 2)

        /// The replayer's answers to the variants, in an order that sets the flags apart from
        /// recording order: the second body and the second Accept first.
        func replay(_ flags: [String]) async throws -> (body: String, query: String, header: String, status: Int32) {
            let replayer = try RunningXHRTape(["replay", "--cassette", cassette, "--port", "0"] + flags, home: recorder.home)
            let url = try replayer.proxyURL()
            let body = try await curl(["-x", url] + json + [#"{ "a" : 3 }"#, bodyURL])
            let query = try await curl(["-x", url, "-w", "%{http_code}", server.url("/echo?_=222&n=5&case=query")])
            let header = try await curl(["-x", url, "-H", "Accept: text/x-two", headerURL])
            replayer.signal(SIGTERM)
            return (body, query, header, replayer.finish().status)
        }
        let matched = try await replay(["--match-body", "json", "--ignore-query-param", "_", "--ignore-query-order",
                                        "--match-header", "accept"])
        #expect(matched.body == secondBody)
        #expect(matched.query == query + "200")
        #expect(matched.header == secondHeader)
        #expect(matched.status == 0)

        let byURL = try await replay([])
        #expect(byURL.body == firstBody)  // method and URL only: the first recording
        #expect(byURL.query.hasSuffix("598"))
        #expect(byURL.query.contains("differs in"), "the miss names the difference: \(byURL.query)")
        #expect(byURL.header == firstHeader)
    }

    /// For each exchange log line in `log` that contains `prefix` (method, URL, status …), the
    /// word after its duration: where the response came from (`recorded`, `replayed`), or
    /// `miss`. (What may follow it, such as `client-closed-after-body` when curl hangs up
    /// before the recorded end, depends on timing.)
    private func logSources(_ log: String, for prefix: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: prefix), let micros = line[start.upperBound...].range(of: "µs ") else { return nil }
            return String(line[micros.upperBound...].prefix { $0 != " " })
        }
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
        #expect(process.terminationStatus == 2)
        #expect(message.hasPrefix("error: "))
        #expect(message.split(separator: "\n").count == 1, "one line: \(message)")
    }
}
