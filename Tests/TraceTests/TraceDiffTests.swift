import Foundation
import Testing
import Trace
import XHR

struct TraceDiffTests {
    typealias L = TraceTestLines

    private func diff(_ expected: [TraceLine], _ actual: [TraceLine], tolerance: TraceTolerance = .default) -> TraceDiff {
        TraceDiff(expected: [L.header()] + expected, actual: [L.header()] + actual, tolerance: tolerance)
    }

    private func unequalSteps(_ diff: TraceDiff) -> [AlignedTraceEvent] {
        diff.xhrs.flatMap(\.events).filter { !$0.isEqual }
    }

    @Test func identicalTracesAreEqual() {
        let result = diff(L.xhr(0) + L.xhr(1), L.xhr(0) + L.xhr(1))
        #expect(result.isEqual)
        #expect(result.differences.isEmpty)
        #expect(result.xhrs.map(\.presence) == [.both, .both])
    }

    @Test func oneExtraProgressEventIsOneInsertionAndTheRestStaysAligned() {
        let expected = L.xhr(progress: [(70_000, 100), (170_000, 300)])
        let actual = L.xhr(progress: [(70_000, 100), (120_000, 200), (170_000, 300)])
        let steps = unequalSteps(diff(expected, actual))
        #expect(steps.map(\.verdict) == [.inserted, .inserted])
        #expect(steps.map { $0.actual?.type } == ["readystatechange", "progress"])
        #expect(steps.map(\.actualPosition) == [5, 6])
    }

    @Test func aMissingEventIsOneRemoval() {
        var actual = L.xhr()
        actual.remove(at: 2)  // loadstart
        let steps = unequalSteps(diff(L.xhr(), actual))
        #expect(steps.map(\.verdict) == [.removed])
        #expect(steps.first?.expected?.type == "loadstart")
    }

    @Test func aChangedStatusIsAChangeOfThatFieldOnEachEventThatCarriesIt() {
        let result = diff(L.xhr(status: 200), L.xhr(status: 404))
        let steps = unequalSteps(result)
        #expect(steps.count == 5)  // readystatechange 2, three 3s, 4
        #expect(steps.allSatisfy { $0.verdict == .changed([FieldDifference("status", expected: "200", actual: "404")]) })
        #expect(result.xhrs[0].resultDifferences == [FieldDifference("status", expected: "200", actual: "404")])
    }

    @Test func aChangedProgressCountIsAChangeNotAnInsertionAndARemoval() {
        let steps = unequalSteps(diff(
            L.xhr(progress: [(70_000, 100), (170_000, 300)]), L.xhr(progress: [(70_000, 150), (170_000, 300)])))
        #expect(steps.map(\.verdict) == [.changed([FieldDifference("loaded", expected: "100", actual: "150")])])
    }

    @Test func timeWithinTheToleranceIsEqualAndBeyondItIsATimingDifference() {
        // 120 ms: the allowance is 10 % of the larger time.
        let within = diff(L.xhr(), L.xhr(progress: [(70_000, 100), (132_000, 200), (170_000, 300)]))
        #expect(within.isEqual)
        let beyond = diff(L.xhr(), L.xhr(progress: [(70_000, 100), (134_000, 200), (170_000, 300)]))
        #expect(unequalSteps(beyond).map(\.verdict) == [.timing, .timing])
        // Small times: the 5 ms floor.
        let early = diff([L.request(), L.event("loadstart", 1_000, readyState: .opened, loaded: 0)],
                         [L.request(), L.event("loadstart", 6_000, readyState: .opened, loaded: 0)])
        #expect(early.isEqual)
        let late = diff([L.request(), L.event("loadstart", 1_000, readyState: .opened, loaded: 0)],
                        [L.request(), L.event("loadstart", 6_001, readyState: .opened, loaded: 0)])
        #expect(!late.isEqual)
    }

    @Test func anXHROnlyOneTraceHasIsADifference() {
        let result = diff(L.xhr(0) + L.xhr(1), L.xhr(0))
        #expect(!result.isEqual)
        #expect(result.xhrs.map(\.presence) == [.both, .onlyExpected])
        #expect(result.differences.count == 1)
        #expect(result.xhrs[1].events.allSatisfy { $0.verdict == .removed })
    }

    @Test func requestLineDifferencesAreNamed() {
        var actual = L.xhr()
        actual[0] = L.request(timeout: 1_000)
        let result = diff(L.xhr(), actual)
        #expect(result.xhrs[0].requestDifferences == [FieldDifference("timeout", expected: "0", actual: "1000")])
    }

    @Test func headerProfileAndSourceAreShownButNotCompared() {
        let result = TraceDiff(
            expected: [L.header(profile: "chromium", source: .browser)] + L.xhr(),
            actual: [L.header(profile: "spec", source: .replay)] + L.xhr())
        #expect(result.isEqual)
        let text = result.rendered(expectedName: "golden.jsonl", actualName: "replay.jsonl")
        #expect(text.contains("--- golden.jsonl (profile chromium, source browser)"))
        #expect(text.contains("+++ replay.jsonl (profile spec, source replay)"))
    }

    @Test func renderingMarksInsertionsRemovalsAndChangesAndColoursOnlyWhenAsked() {
        var actual = L.xhr(status: 404, progress: [(70_000, 100), (120_000, 200), (170_000, 300), (220_000, 300)])
        actual.remove(at: 2)
        let result = diff(L.xhr(), actual)
        let plain = result.rendered()
        let lines = plain.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  - ") && $0.contains("loadstart") })
        #expect(lines.contains { $0.hasPrefix("  + ") && $0.contains("progress") })
        #expect(lines.contains { $0.hasPrefix("  ~ ") && $0.contains("status 200 → 404") })
        #expect(!plain.contains("\u{1B}["))
        #expect(result.rendered(color: true).contains("\u{1B}[31m"))
    }

    @Test func theJSONFormIsStableAndParses() throws {
        var actual = L.xhr()
        actual.remove(at: 2)
        let result = diff(L.xhr(), actual, tolerance: TraceTolerance(absoluteMicros: 5_000, relative: 0.1))
        #expect(result.json == diff(L.xhr(), actual).json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        #expect(object["diff"] as? String == "trace")
        #expect(object["equal"] as? Bool == false)
        let xhrs = try #require(object["xhrs"] as? [[String: Any]])
        let events = try #require(xhrs.first?["events"] as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["verdict"] as? String == "removed")
        #expect(result.json.hasPrefix(#"{"diff":"trace","equal":false,"tolerance":{"absoluteMicros":5000,"relative":0.1},"expected":{"profile":"spec","source":"replay"}"#))
    }

    @Test func aReplayedTraceDiffedWithItselfIsEqual() throws {
        let lines = try TraceRecorderTests.replayLines()
        #expect(TraceDiff(expected: lines, actual: lines, tolerance: .exact).isEqual)
    }
}
