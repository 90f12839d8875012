import Foundation
import HTTPTypes
import TapeCore
import Trace
import XHR

/// Replays a 30-second trickled exchange (3,000 chunks of 1 KiB, 10 ms apart) into the
/// Swift XHR on the virtual clock, with a trace recorder, and prints the wall time.
/// The baseline, measured in the same run, plays the same timeline with no XHR at all.
@main
enum ReplayBenchmark {
    static let url = "http://bench.test/trickle"

    static func main() throws {
        let timeline = try makeTimeline()
        let rounds = 20
        var baseline: [Duration] = []
        var replay: [Duration] = []
        var traceBytes = 0
        for _ in 0..<rounds {
            baseline.append(measure { playAlone(timeline) })
            replay.append(try measure { traceBytes = try replayIntoXHR(timeline) })
        }
        let base = median(baseline), full = median(replay)
        print("30 s trickled timeline (3,000 chunks), median of \(rounds) runs")
        print("  timeline player alone (baseline): \(format(base))")
        print("  XHR + trace recorder:             \(format(full))  (\(String(format: "%.1f", ratio(full, base)))× baseline, trace \(traceBytes) bytes)")
        print("  virtual/wall speed-up:            \(String(format: "%.0f", 30.0 / seconds(full)))×")
    }

    static func makeTimeline() throws -> Timeline {
        let request = ExchangeRequest(head: RequestHead(method: "GET", url: url))
        var entries = [Timeline.Entry(offsetMicros: 5_000, event: .responseHead(ResponseHead(
            status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Length", String(3_000 * 1_024))])!)))]
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 1_024)
        for index in 1...3_000 {
            entries.append(Timeline.Entry(offsetMicros: 5_000 + Int64(index) * 10_000, event: .responseBodyChunk(chunk)))
        }
        entries.append(Timeline.Entry(offsetMicros: entries.last!.offsetMicros, event: .responseEnd(trailers: nil)))
        return try Timeline(request: request, entries: entries)
    }

    final class Sink: TransportDelegate {
        var count = 0
        func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) { count += 1 }
    }

    static func playAlone(_ timeline: Timeline) {
        let scheduler = VirtualScheduler()
        let sink = Sink()
        TimelinePlayer(timeline: timeline, scheduler: scheduler).play(to: sink)
        scheduler.runUntilIdle()
        precondition(sink.count == timeline.entries.count)
    }

    final class Replay: Transport {
        let timeline: Timeline
        let scheduler: VirtualScheduler
        init(_ timeline: Timeline, _ scheduler: VirtualScheduler) { self.timeline = timeline; self.scheduler = scheduler }
        func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
            let player = TimelinePlayer(timeline: timeline, scheduler: scheduler)
            player.play(to: delegate)
            return player
        }
    }

    static func replayIntoXHR(_ timeline: Timeline) throws -> Int {
        let scheduler = VirtualScheduler()
        let xhr = XMLHttpRequest(transport: Replay(timeline, scheduler), scheduler: scheduler)
        let recorder = TraceRecorder(profile: .spec, source: .replay)
        recorder.track(xhr)
        try xhr.open("GET", url)
        try xhr.send()
        scheduler.runUntilIdle()
        precondition(xhr.readyState == .done && xhr.responseBytes.count == 3_000 * 1_024)
        return recorder.jsonLines.utf8.count
    }

    static func measure(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return ContinuousClock.now - start
    }

    static func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    static func ratio(_ a: Duration, _ b: Duration) -> Double { seconds(a) / seconds(b) }
    static func format(_ duration: Duration) -> String { String(format: "%.2f ms", seconds(duration) * 1_000) }
}
