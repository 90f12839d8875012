import CurlTransport
import ScenarioServer
import TapeCore
import Trace
import XHR
import Testing

/// The XHR over libcurl against the scenario server on the real-time clock, and the
/// same exchange recorded and replayed on the virtual clock: the product's promise
/// that a replay shows the events a live run showed.
struct LiveXHRTests {
    static let trickle = "/trickle?chunks=5&size=100&interval=80"

    /// Runs one XHR live and returns its trace lines (events only).
    private func liveTrace(_ server: ScenarioServer, _ path: String) throws -> (events: [TraceEvent], xhr: XMLHttpRequest) {
        let scheduler = RealTimeScheduler()
        let transport = try CurlTransport(executor: scheduler)
        defer { transport.shutdown() }
        let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler)
        let recorder = TraceRecorder(profile: .spec, source: .live)
        recorder.track(xhr)
        try xhr.open("GET", server.url(path))
        try xhr.send()
        #expect(scheduler.run(until: { xhr.readyState == .done }, timeoutMicros: 20_000_000))
        return (recorder.lines.compactMap { if case .event(let event) = $0 { event } else { nil } }, xhr)
    }

    @Test func aLiveXHRSeesTheServersTrickleAsProgressEvents() async throws {
        try await ScenarioServer.withRunning { server in
            let (events, xhr) = try liveTrace(server, Self.trickle)
            #expect(xhr.status == 200)
            #expect(try xhr.responseText == String(decoding: BodyPattern.bytes(from: 0, count: 500), as: UTF8.self))
            let progress = events.filter { $0.type == "progress" }.map { $0.progress?.loaded }
            // Five chunks 80 ms apart are above the 50 ms throttle: one progress each, then the final one.
            #expect(progress == [100, 200, 300, 400, 500, 500])
            #expect(events.map(\.type).suffix(3) == ["readystatechange", "load", "loadend"])
        }
    }

    @Test func aRecordedTimelineReplaysToTheEventsTheLiveRunSaw() async throws {
        try await ScenarioServer.withRunning { server in
            // A live XHR whose transport is teed: the timeline it consumed is kept.
            let scheduler = RealTimeScheduler()
            let curl = try CurlTransport(executor: scheduler)
            defer { curl.shutdown() }
            let tee = TeeTransport(curl)
            let live = XMLHttpRequest(transport: tee, scheduler: scheduler)
            let liveRecorder = TraceRecorder(profile: .spec, source: .live)
            liveRecorder.track(live)
            try live.open("GET", server.url(Self.trickle))
            try live.send()
            #expect(scheduler.run(until: { live.readyState == .done }, timeoutMicros: 20_000_000))
            let timeline = try Timeline(request: try #require(tee.request), entries: tee.collector.entries)

            // The same exchange replayed into a fresh XHR on the virtual clock.
            let virtual = VirtualScheduler()
            let replay = XMLHttpRequest(transport: OneTimeline(timeline, virtual), scheduler: virtual)
            let replayRecorder = TraceRecorder(profile: .spec, source: .replay)
            replayRecorder.track(replay)
            try replay.open("GET", server.url(Self.trickle))
            try replay.send()
            virtual.runUntilIdle()

            let liveEvents = liveRecorder.lines.compactMap { if case .event(let event) = $0 { event } else { nil } }
            let replayed = replayRecorder.lines.compactMap { if case .event(let event) = $0 { event } else { nil } }
            // Same events, same numbers; times within DESIGN.md's tolerance (5 ms or 10 %).
            #expect(replayed.map(\.type) == liveEvents.map(\.type))
            #expect(replayed.map(\.readyState) == liveEvents.map(\.readyState))
            #expect(replayed.map(\.progress) == liveEvents.map(\.progress))
            for (replayEvent, liveEvent) in zip(replayed, liveEvents) {
                let tolerance = max(5_000, liveEvent.offsetMicros / 10)
                #expect(abs(replayEvent.offsetMicros - liveEvent.offsetMicros) <= tolerance,
                        "\(replayEvent.type) at \(replayEvent.offsetMicros) µs replayed, \(liveEvent.offsetMicros) µs live")
            }
            #expect(replay.responseBytes == live.responseBytes)
        }
    }
}
