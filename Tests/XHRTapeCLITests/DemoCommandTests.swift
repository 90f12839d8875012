import Foundation
import Testing
import Trace

/// `xhrtape demo` as the README's first command runs it: the built binary, real sockets
/// on 127.0.0.1, live XHRs through the recording proxy, an offline replay, two diffs.
struct DemoCommandTests {
    @Test func theDemoRecordsReplaysAndMatchesThenDiffsASecondSession() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-demo-test-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let started = ContinuousClock.now
        // The test suite runs in parallel, so the machine is busy and live latencies vary by
        // tens of milliseconds; the event sequences must still be identical. CI also runs the
        // demo alone with the default tolerance (5 ms or 10 %), see .ci/run.
        let demo = try XHRTapeProcess.run(
            ["demo", "--directory", directory, "--color", "never", "--tolerance", "250ms,10%"], deadlineSeconds: 120)
        let elapsed = ContinuousClock.now - started
        #expect(demo.status == 0, "stderr: \(demo.errors)\nstdout: \(demo.output)")
        #expect(demo.output.contains("MATCH: live and replayed traces agree on every event"), "\(demo.output)")
        #expect(elapsed < .seconds(60), "the demo should take seconds, took \(elapsed)")

        // The traces it names are real traces of seven XHRs each, and they match.
        let live = try TraceDocument(jsonl: String(contentsOfFile: directory + "/live.jsonl", encoding: .utf8))
        let replay = try TraceDocument(jsonl: String(contentsOfFile: directory + "/replay.jsonl", encoding: .utf8))
        #expect(live.header.source == .live)
        #expect(replay.header.source == .replay)
        #expect(live.requests.count == 7)
        let comparison = TraceDiff(expected: live.lines, actual: replay.lines, tolerance: TraceTolerance(absoluteMicros: 250_000, relative: 0.1))
        #expect(comparison.isEqual, "\(comparison.differences.joined(separator: "\n"))")
        let types = Set(replay.lines.compactMap { if case .event(let event) = $0 { event.type } else { nil } })
        #expect(types.isSuperset(of: ["timeout", "abort", "error", "load", "progress"]))

        // The second session against the changed server differs, and the diff says where.
        let cassetteDiff = try String(contentsOfFile: directory + "/cassette-diff.txt", encoding: .utf8)
        #expect(cassetteDiff.contains("interval=140"))
        #expect(cassetteDiff.contains("301"))
        #expect(demo.output.contains("$ xhrtape diff session1.sqlite session2.sqlite"))
    }
}
