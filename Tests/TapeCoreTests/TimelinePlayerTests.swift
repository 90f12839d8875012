import TapeCore
import Testing

struct TimelinePlayerTests {
    /// Head at 1 ms, request events before it, chunks at 5 ms and 30 ms, end at 30 ms.
    private func sampleTimeline() throws -> Timeline {
        try Timeline(request: TimelineFixtures.request, entries: [
            TimelineFixtures.entry(200, .requestBodySent(byteCount: 3)),
            TimelineFixtures.entry(400, .requestEnd),
            TimelineFixtures.entry(1_000, .responseHead(TimelineFixtures.head(contentLength: 4))),
            TimelineFixtures.entry(5_000, .responseBodyChunk([1, 2])),
            TimelineFixtures.entry(30_000, .responseBodyChunk([3, 4])),
            TimelineFixtures.entry(30_000, .responseEnd(trailers: nil)),
        ])
    }

    private func play(_ timing: TimingMode, startingAt start: Int64 = 0) throws -> [RecordingDelegate.Delivery] {
        let scheduler = VirtualScheduler(startMicros: start)
        let delegate = RecordingDelegate(scheduler: scheduler)
        let timeline = try sampleTimeline()
        TimelinePlayer(timeline: timeline, timing: timing, scheduler: scheduler).play(to: delegate)
        #expect(delegate.deliveries.isEmpty, "nothing is delivered from inside play(to:)")
        scheduler.runUntilIdle()
        #expect(delegate.events == timeline.entries.map(\.event))
        return delegate.deliveries
    }

    @Test func originalTimingDeliversEachEventAtItsRecordedOffset() throws {
        let deliveries = try play(.original, startingAt: 7_000)
        #expect(deliveries.map(\.offsetMicros) == [200, 400, 1_000, 5_000, 30_000, 30_000])
        #expect(deliveries.map(\.arrivedAtMicros) == [7_200, 7_400, 8_000, 12_000, 37_000, 37_000])
    }

    @Test func aTimelineWhoseClientGaveUpStallsInsteadOfFailing() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let timeline = try Timeline(request: TimelineFixtures.request, entries: [
            TimelineFixtures.entry(1_000, .responseHead(TimelineFixtures.head(contentLength: 4))),
            TimelineFixtures.entry(5_000, .responseBodyChunk([1, 2])),
            TimelineFixtures.entry(9_000, .failure(TransportFailure(.clientGaveUp, message: "aborted by client"))),
        ])
        TimelinePlayer(timeline: timeline, scheduler: scheduler).play(to: delegate)
        #expect(scheduler.runUntilIdle())
        // Everything before the recording's client left arrives; then nothing: no failure, no end.
        #expect(delegate.events == Array(timeline.entries.prefix(2).map(\.event)))
    }

    @Test func otherFailuresStillArrive() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let timeline = try Timeline(request: TimelineFixtures.request, entries: [
            TimelineFixtures.entry(1_000, .failure(TransportFailure(.aborted, message: "body source failed"))),
        ])
        TimelinePlayer(timeline: timeline, scheduler: scheduler).play(to: delegate)
        scheduler.runUntilIdle()
        #expect(delegate.events == timeline.entries.map(\.event))
    }

    @Test func scaledTimingMultipliesEveryOffset() throws {
        let deliveries = try play(.scaled(0.5))
        #expect(deliveries.map(\.arrivedAtMicros) == [100, 200, 500, 2_500, 15_000, 15_000])
        let slower = try play(.scaled(2))
        #expect(slower.map(\.arrivedAtMicros) == [400, 800, 2_000, 10_000, 60_000, 60_000])
    }

    @Test func fixedTimingSendsTheRequestAtOnceAndTheWholeResponseAfterTheLatency() throws {
        let deliveries = try play(.fixed(latencyMicros: 80_000))
        #expect(deliveries.map(\.arrivedAtMicros) == [0, 0, 80_000, 80_000, 80_000, 80_000])
    }

    @Test func instantTimingKeepsOrderWithZeroGaps() throws {
        let deliveries = try play(.instant, startingAt: 50)
        #expect(deliveries.map(\.arrivedAtMicros) == [50, 50, 50, 50, 50, 50])
    }

    @Test func cancelStopsDeliveryAtOnce() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let player = TimelinePlayer(timeline: try sampleTimeline(), scheduler: scheduler)
        delegate.onEvent = { event in
            if case .responseBodyChunk = event { player.cancel() }
        }
        player.play(to: delegate)
        scheduler.runUntilIdle()
        #expect(delegate.events.count == 4)  // two request events, the head, the first chunk
        #expect(scheduler.pendingCount == 0)
        player.cancel()  // again: harmless
    }

    @Test func aTimerSetAfterPlaybackStartsLosesATieWithANetworkEvent() throws {
        // XHR-NOTES.md §4: a timeout due at the same instant as a queued network task runs after it.
        let scheduler = VirtualScheduler()
        var order: [String] = []
        let delegate = RecordingDelegate(scheduler: scheduler)
        delegate.onEvent = { event in
            if case .responseBodyChunk = event { order.append("chunk") }
        }
        TimelinePlayer(timeline: try sampleTimeline(), scheduler: scheduler).play(to: delegate)
        scheduler.schedule(atMicros: 5_000) { order.append("timer") }
        scheduler.runUntilIdle()
        #expect(order == ["chunk", "timer", "chunk"])
    }

    /// A source that hands over one entry per batch and counts its reads.
    private struct OneEntryPerBatch: TimelineSource {
        var entries: [Timeline.Entry]
        var failAfter: Int?
        var reads = 0

        mutating func nextEntries() throws(TransportFailure) -> [Timeline.Entry] {
            reads += 1
            if let failAfter, reads > failAfter { throw TransportFailure(.protocolError, message: "the file went away") }
            guard !entries.isEmpty else { return [] }
            return [entries.removeFirst()]
        }
    }

    /// A head, ten 100-byte chunks 1 ms apart, the end.
    private func tenChunks() -> [Timeline.Entry] {
        [TimelineFixtures.entry(1_000, .responseHead(TimelineFixtures.head(contentLength: 1_000)))]
            + (1...10).map { TimelineFixtures.entry(Int64(1_000 + $0 * 1_000), .responseBodyChunk([UInt8](repeating: UInt8($0), count: 100))) }
            + [TimelineFixtures.entry(11_000, .responseEnd(trailers: nil))]
    }

    @Test func aBatchedSourcePlaysLikeTheWholeTimeline() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let entries = tenChunks()
        TimelinePlayer(source: OneEntryPerBatch(entries: entries), scheduler: scheduler).play(to: delegate)
        scheduler.runUntilIdle()
        #expect(delegate.events == entries.map(\.event))
        #expect(delegate.deliveries.map(\.arrivedAtMicros) == entries.map(\.offsetMicros))
    }

    @Test func playbackPausesWhileTheDemandWindowIsUnacknowledgedAndGoesOnAfterAcknowledgements() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let demand = PlaybackDemand(windowBytes: 250)
        TimelinePlayer(source: OneEntryPerBatch(entries: tenChunks()), timing: .instant, scheduler: scheduler, demand: demand)
            .play(to: delegate)
        scheduler.run(untilMicros: 10_000)
        // Three chunks reach 300 ≥ 250 unacknowledged bytes: nothing more, however long we wait.
        #expect(delegate.bodyBytes == 300)
        demand.acknowledge(byteCount: 100)
        scheduler.run(untilMicros: 20_000)
        #expect(delegate.bodyBytes == 400, "one acknowledged chunk lets one more through")
        demand.acknowledge(byteCount: 1_000)
        scheduler.runUntilIdle()
        #expect(delegate.bodyBytes == 1_000)
        #expect(delegate.events.last == .responseEnd(trailers: nil))
        #expect(scheduler.pendingCount == 0, "a finished player polls no more")
    }

    @Test func aSourceThatCannotBeReadEndsPlaybackWithItsFailureAfterWhatWasPlayed() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        TimelinePlayer(source: OneEntryPerBatch(entries: tenChunks(), failAfter: 3), scheduler: scheduler).play(to: delegate)
        scheduler.runUntilIdle()
        #expect(delegate.events.count == 4)
        #expect(delegate.failure?.message == "the file went away")
        #expect(delegate.deliveries.last?.offsetMicros == 3_000, "the failure comes no earlier than the last event played")
    }

    @Test func cancellingAPausedPlayerStopsItsPolling() throws {
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate(scheduler: scheduler)
        let player = TimelinePlayer(
            source: OneEntryPerBatch(entries: tenChunks()), timing: .instant, scheduler: scheduler, demand: PlaybackDemand(windowBytes: 100))
        player.play(to: delegate)
        scheduler.run(untilMicros: 5_000)
        #expect(delegate.bodyBytes == 100)
        player.cancel()
        #expect(scheduler.runUntilIdle())
        #expect(delegate.bodyBytes == 100)
    }
}
