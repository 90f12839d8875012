import Cassette
import Foundation
import Logging
import Proxy
import ScenarioServer
import TapeCore
import Trace
import XHR

/// The whole product in one run (`xhrtape demo`): record live XHRs through the proxy,
/// replay the cassette offline on the virtual clock, compare the two traces, then
/// record a second session against a changed server and diff the cassettes.
struct DemoRun {
    /// Where every file goes.
    var directory: URL
    var color: Bool
    var tolerance = TraceTolerance.default
    /// Where the demo's text goes.
    var print: (String) -> Void

    /// What the run found.
    struct Outcome {
        var liveMatchesReplay: Bool
        var sessionsDiffer: Bool
    }

    private let quiet = Logger(label: "xhrtape.demo", factory: { _ in SwiftLogNoOpLogHandler() })

    func run() async throws -> Outcome {
        let started = ContinuousClock.now
        let session1 = directory.appendingPathComponent("session1.sqlite").path
        let session2 = directory.appendingPathComponent("session2.sqlite").path
        print("xhrtape demo — files in \(directory.path)\n")

        let (port, base, live, liveTime) = try await withScenarioServer(port: 0) { server in
            let base = server.url("")
            let scenarios = DemoScenarios.first(base: base)
            print("1. Scenario server on \(base). Recording \(scenarios.count) XHRs live (libcurl, real time) through the proxy into session1.sqlite …")
            let (live, liveTime) = try await recordSession(scenarios, base: base, into: session1)
            return (server.port, base, live, liveTime)
        }
        let firstScenarios = DemoScenarios.first(base: base)
        try write(live.jsonl, "live.jsonl")
        print("   done in \(seconds(liveTime)).")

        print("2. Scenario server stopped. Replaying session1.sqlite offline into the XMLHttpRequest on the virtual clock …")
        let replayStarted = ContinuousClock.now
        let replay = try replaySession(firstScenarios, from: session1)
        let replayTime = ContinuousClock.now - replayStarted
        try write(replay.jsonl, "replay.jsonl")
        let recordedSpan = live.lines.reduce(into: Int64(0)) { span, line in
            if case .event(let event) = line { span = max(span, event.offsetMicros) }
        }
        print("   done in \(seconds(replayTime)) of wall time (the longest XHR spans \(String(format: "%.0f ms", Double(recordedSpan) / 1000)) of recorded time).\n")

        let comparison = TraceDiff(expected: live.lines, actual: replay.lines, tolerance: tolerance)
        print(SideBySideTrace(diff: comparison, names: firstScenarios.map(\.name), color: color).rendered)
        let matchLine = comparison.isEqual
            ? "MATCH: live and replayed traces agree on every event (\(comparison.summary))."
            : "MISMATCH: live and replayed traces differ (\(comparison.summary))."
        print(matchLine + "\n")

        let secondScenarios = DemoScenarios.second(base: base)
        print("3. Scenario server changed (slower trickle, 301 instead of 302, a new upload header). Recording session2.sqlite …")
        let (secondLive, _) = try await withScenarioServer(port: port) { _ in
            try await recordSession(secondScenarios, base: base, into: session2)
        }
        try write(secondLive.jsonl, "live2.jsonl")

        let first = try Cassette(path: session1, access: .readOnly)
        defer { try? first.close() }
        let second = try Cassette(path: session2, access: .readOnly)
        defer { try? second.close() }
        let cassetteDiff = try CassetteDiff(expected: first, actual: second, tolerance: tolerance)
        let rendered = cassetteDiff.rendered(expectedName: "session1.sqlite", actualName: "session2.sqlite", color: color)
        try write(cassetteDiff.rendered(expectedName: "session1.sqlite", actualName: "session2.sqlite", color: false), "cassette-diff.txt")
        print("\n$ xhrtape diff session1.sqlite session2.sqlite\n" + rendered)
        print("Files: session1.sqlite, session2.sqlite, live.jsonl, replay.jsonl, live2.jsonl, cassette-diff.txt in \(directory.path)")
        print("Try: xhrtape ls \(session1) · xhrtape trace \(session1) --timeout 300 · xhrtape diff \(directory.path)/live.jsonl \(directory.path)/replay.jsonl")
        print("Demo finished in \(seconds(ContinuousClock.now - started)).")
        return Outcome(liveMatchesReplay: comparison.isEqual, sessionsDiffer: !cassetteDiff.isEqual)
    }

    /// Runs `body` with the scenario server on `port` (0: any), stopped whatever happens.
    private func withScenarioServer<T>(port: Int, _ body: (ScenarioServer) async throws -> T) async throws -> T {
        try await ScenarioServer.withRunning(.init(port: port, tlsPort: nil), logger: quiet, body)
    }

    /// Starts a recording proxy into `path`, runs the scenarios live through it and
    /// returns their trace and how long they took.
    private func recordSession(_ scenarios: [DemoScenarios.Scenario], base: String, into path: String) async throws -> (TraceDocument, Duration) {
        let cassette = try Cassette(path: path)
        // The proxy's per-exchange log lines would interleave with the demo's own output.
        let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .record(cassette: cassette, recordMode: .all)), logger: quiet)
        let started = ContinuousClock.now
        let trace: TraceDocument
        do {
            trace = try await LiveTracer(proxyURL: proxy.url, warmUp: DemoScenarios.warmUp(base: base)).trace(scenarios.map(\.plan))
        } catch {
            await proxy.shutdown()
            try? cassette.close()
            throw error
        }
        let elapsed = ContinuousClock.now - started
        await proxy.shutdown()
        try cassette.close()
        return (trace, elapsed)
    }

    /// Replays the same XHRs from the cassette on the virtual clock.
    private func replaySession(_ scenarios: [DemoScenarios.Scenario], from path: String) throws -> TraceDocument {
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        let scheduler = VirtualScheduler()
        let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler)
        let trace = try XHRPlanRunner(profile: .spec, source: .replay).run(scenarios.map(\.plan), transport: transport, scheduler: scheduler)
        if let miss = transport.misses.first { throw miss }
        return trace
    }

    private func write(_ text: String, _ name: String) throws {
        try OutputFile.write(text, to: directory.appendingPathComponent(name).path)
    }

    private func seconds(_ duration: Duration) -> String {
        let micros = duration.wholeMicroseconds
        return micros < 1_000_000 ? String(format: "%.1f ms", Double(micros) / 1000) : String(format: "%.2f s", Double(micros) / 1_000_000)
    }
}
