import Foundation
import ScenarioServer
import Testing

/// Running `xhrtape record` / `replay` as an operator does: HTTPS with the local CA,
/// `--fail-on-miss`, `--port-file`, and SIGTERM draining exchanges in flight.
@Suite(.serialized)
struct ProxyOperationsCommandTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-cli-\(UUID())-\(name)").path
    }

    private func curl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await CurlCLI.run(arguments)
    }

    /// Starts `curl -N` on `url` through the proxy; its output is the returned pipe.
    private func startStreaming(_ url: String, through proxyURL: String) throws -> (Process, Pipe) {
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        client.arguments = ["-s", "-N", "--max-time", "30", "-x", proxyURL, url]
        let body = Pipe()
        client.standardOutput = body
        try client.run()
        return (client, body)
    }

    @Test func httpsRecordedWithTheLocalCAReplaysOfflineAndAMissExitsWith3UnderFailOnMiss() async throws {
        let cassette = temporaryPath("https.sqlite")
        let caDirectory = temporaryPath("ca")
        let upstreamCA = temporaryPath("upstream-ca.pem")
        let server = try await ScenarioServer.start(.init(tlsPort: 0))
        try Data(try #require(server.certificateAuthorityPEM).utf8).write(to: URL(fileURLWithPath: upstreamCA))
        let target = try #require(server.tlsURL("/trickle?chunks=3&size=10&interval=30"))

        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--duration", "3",
                                           "--ca-dir", caDirectory, "--upstream-ca", upstreamCA])
        let recordURL = try recorder.proxyURL()
        let recorded = try await curl(["--cacert", caDirectory + "/ca.pem", "-x", recordURL, target])
        let recordEnd = recorder.finish()
        try await server.shutdown()
        #expect(recorded.status == 0)
        #expect(recorded.output == String(decoding: BodyPattern.bytes(from: 0, count: 30), as: UTF8.self))
        #expect(recordEnd.status == 0, "\(recordEnd.standardError)")
        #expect(recordEnd.standardOutput.contains("1 recorded"))

        // Stopped by SIGTERM once both requests are answered: a fixed --duration can end before a
        // loaded machine has sent the second one (seen in a clean-clone run: the miss got no answer).
        let replayer = try RunningXHRTape(["replay", "--cassette", cassette, "--port", "0",
                                           "--ca-dir", caDirectory, "--fail-on-miss"])
        let replayURL = try replayer.proxyURL()
        let replayed = try await curl(["--cacert", caDirectory + "/ca.pem", "-x", replayURL, target])
        let miss = try await curl(["--cacert", caDirectory + "/ca.pem", "-x", replayURL, "-o", "/dev/null", "-w", "%{http_code}",
                             try #require(server.tlsURL("/bytes?n=1"))])
        replayer.signal(SIGTERM)
        let replayEnd = replayer.finish()
        #expect(replayed.output == recorded.output)
        #expect(miss.output == "598")
        #expect(replayEnd.status == 3)
        #expect(replayEnd.standardError.contains("1 request had no recording"))
    }

    /// The test server's certificate is signed by a CA the system does not trust: without
    /// `--upstream-ca` the recorder refuses it (502, a failed exchange), and
    /// `--insecure-upstream` fetches it unverified.
    @Test func upstreamTLSIsVerifiedUnlessInsecureUpstreamIsGiven() async throws {
        let caDirectory = temporaryPath("ca")
        let server = try await ScenarioServer.start(.init(tlsPort: 0))
        let target = try #require(server.tlsURL("/bytes?n=16"))
        func record(_ extra: [String]) async throws -> (status: String, end: (status: Int32, standardOutput: String, standardError: String)) {
            let cassette = temporaryPath("tls.sqlite")
            defer { try? FileManager.default.removeItem(atPath: cassette) }
            let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--ca-dir", caDirectory] + extra)
            let fetched = try await curl(["--cacert", caDirectory + "/ca.pem", "-x", try recorder.proxyURL(),
                                    "-o", "/dev/null", "-w", "%{http_code}", target])
            recorder.signal(SIGTERM)
            return (fetched.output, recorder.finish())
        }

        let verified = try await record([])
        #expect(verified.status == "502")
        #expect(verified.end.status == 0, "\(verified.end.standardError)")
        #expect(verified.end.standardOutput.contains(" 1 failed"), "\(verified.end.standardOutput)")

        let insecure = try await record(["--insecure-upstream"])
        try await server.shutdown()
        #expect(insecure.status == "200")
        #expect(insecure.end.standardOutput.contains("1 recorded"), "\(insecure.end.standardOutput)")
        #expect(insecure.end.standardOutput.contains(" 0 failed"), "\(insecure.end.standardOutput)")
    }

    @Test func sigtermLetsTheExchangeInFlightFinishThenClosesTheCassette() async throws {
        let cassette = temporaryPath("drain.sqlite")
        let portFile = temporaryPath("port")
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--port-file", portFile,
                                           "--drain-seconds", "20"])
        let proxyURL = try recorder.proxyURL()
        let port = try String(contentsOfFile: portFile, encoding: .utf8)
        #expect(proxyURL == "http://127.0.0.1:" + port.trimmingCharacters(in: .newlines))

        // A 1.2 s trickle; SIGTERM as soon as its first bytes reach the client.
        let (client, body) = try startStreaming(server.url("/trickle?chunks=6&size=10&interval=200"), through: proxyURL)
        var received = body.fileHandleForReading.availableData
        #expect(!received.isEmpty)
        recorder.signal(SIGTERM)
        received += body.fileHandleForReading.readDataToEndOfFile()
        client.waitUntilExit()
        let end = recorder.finish()
        try await server.shutdown()
        #expect(client.terminationStatus == 0)
        #expect(received.count == 60)
        #expect(end.status == 0, "\(end.standardError)")
        #expect(end.standardOutput.contains("holds 1 exchange"))
        #expect(end.standardError.contains("waiting up to 20 s for 1 exchange in flight"))
    }

    /// SIGINT while a 20 s trickle is in flight, with `--drain-seconds 2`: new connections are
    /// refused at once while the trickle drains, then it is cut off at the deadline, the
    /// process exits 0 saying so, and the cassette is sound and keeps what arrived.
    @Test func sigintStopsAcceptingThenCutsOffWhatOutlastsTheDrainDeadline() async throws {
        let cassette = temporaryPath("deadline.sqlite")
        defer { try? FileManager.default.removeItem(atPath: cassette) }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0", "--drain-seconds", "2"])
        let proxyURL = try recorder.proxyURL()

        let (client, body) = try startStreaming(server.url("/trickle?chunks=100&size=10&interval=200"), through: proxyURL)
        var received = body.fileHandleForReading.availableData
        #expect(!received.isEmpty)
        recorder.signal(SIGINT)

        // The listener closes as the signal is handled: a new connection is refused (curl exit 7)
        // while the trickle still runs.
        // One that connects before the signal is handled is served and recorded, and counted here.
        var refusedWhileDraining = false
        var servedBeforeTheSignal = 0
        let deadline = Date().addingTimeInterval(1.5)
        while Date() < deadline, client.isRunning {
            let attempt = try await curl(["--max-time", "1", "-x", proxyURL, "-o", "/dev/null", server.url("/bytes?n=1")])
            if attempt.status == 0 { servedBeforeTheSignal += 1 }
            if attempt.status == 7 { refusedWhileDraining = client.isRunning; break }
        }
        #expect(refusedWhileDraining)
        let kept = 1 + servedBeforeTheSignal

        received += body.fileHandleForReading.readDataToEndOfFile()
        client.waitUntilExit()
        let end = recorder.finish()
        try await server.shutdown()
        #expect(client.terminationStatus != 0, "the cancelled trickle must not look complete")
        #expect(received.count < 1000)
        #expect(end.status == 0, "\(end.standardError)")
        #expect(end.standardError.contains("1 exchange still in flight after 2 s is cut off where it stands; one being recorded keeps in the cassette what arrived"), "\(end.standardError)")
        // Cut off by the proxy, not by the client: counted and logged as such, and kept.
        #expect(end.standardOutput.contains("0 aborted by the client, 1 cut off at stop"), "\(end.standardOutput)")
        #expect(end.standardError.contains("µs recorded cut-off-at-stop"), "\(end.standardError)")
        #expect(end.standardOutput.contains("holds \(kept) exchange\(kept == 1 ? "" : "s")."), "\(end.standardOutput)")
        let verified = try XHRTapeProcess.run(["verify", cassette])
        #expect(verified.status == 0)
        #expect(verified.output.contains("\(kept) exchange\(kept == 1 ? "" : "s") checked: sound."), "\(verified.output)")
        let shown = try XHRTapeProcess.run(["show", cassette, "1", "--body", "none"])
        #expect(shown.output.contains("cut off: the proxy stopped before the response ended"), "\(shown.output)")
    }
}
