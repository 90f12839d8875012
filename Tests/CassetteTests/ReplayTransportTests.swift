import Cassette
import Dispatch
import TapeCore
import Testing

struct ReplayTransportTests {
    /// A request with a body, a head at 1 ms, three chunks, and the end.
    private static func recording() throws -> Timeline {
        try Timeline(request: .sample("POST", "http://h/upload?x=1", body: [1, 2, 3]), entries: [
            .at(200, .requestBodySent(byteCount: 3)),
            .at(400, .requestEnd),
            .at(1_000, .responseHead(.sample(headers: [("Content-Length", "6")]))),
            .at(5_000, .responseBodyChunk([1, 2])),
            .at(30_000, .responseBodyChunk([3, 4])),
            .at(31_000, .responseBodyChunk([5, 6])),
            .at(31_000, .responseEnd(trailers: nil)),
        ])
    }

    /// `count` exchanges for `/item?i=0`, `1` …, each with a body of its own (`bodyBytes(i)` bytes of `i % 251`).
    private static func numberedExchanges(_ count: Int, bodyBytes: (Int) -> Int) throws -> [Timeline] {
        try (0..<count).map { index in
            try Timeline(request: .sample("GET", "http://h/item?i=\(index)"), entries: [
                .at(10, .responseHead(.sample())),
                .at(20, .responseBodyChunk(Array(repeating: UInt8(index % 251), count: bodyBytes(index)))),
                .at(30, .responseEnd(trailers: nil)),
            ])
        }
    }

    private func withCassette(_ timelines: [Timeline], redactor: Redactor = .standard, _ body: (Cassette) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("replay.sqlite")
        let writing = try Cassette.create(at: path, redactor: redactor)
        for timeline in timelines { try writing.record(timeline) }
        try writing.close()
        let cassette = try Cassette(path: path, access: .readOnly, configuration: CassetteConfiguration(redactor: redactor))
        try body(cassette)
        try cassette.close()
    }

    @Test(arguments: [TimingMode.original, .instant, .scaled(0.5), .fixed(latencyMicros: 80_000)])
    func replayDeliversTheRecordedEventsAtTheTimingModesOffsets(timing: TimingMode) throws {
        let recorded = try Self.recording()
        try withCassette([recorded]) { cassette in
            let scheduler = VirtualScheduler(startMicros: 7_000)
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: timing)
            let delegate = RecordingDelegate(scheduler: scheduler)
            _ = transport.start(recorded.request, delegate: delegate)
            #expect(delegate.deliveries.isEmpty, "nothing is delivered from inside start")
            scheduler.runUntilIdle()
            #expect(delegate.events == recorded.entries.map(\.event))
            let expected = timing.playbackOffsets(for: recorded.entries).map { 7_000 + $0 }
            #expect(delegate.deliveries.map(\.arrivedAtMicros) == expected)
            #expect(transport.misses.isEmpty)
        }
    }

    @Test func backgroundReadAheadServesEveryExchangeInOrderWithItsOwnBody() throws {
        // Five read-ahead spans of exchanges, each with a body of its own; on a real clock, with the
        // reads ahead on another queue and their results handed back through the scheduler.
        let timelines = try (0..<(5 * ReplayTransport.readAheadCount)).map { index in
            try Timeline(request: .sample("GET", "http://h/item?i=\(index % 7)"), entries: [
                .at(10, .requestEnd),
                .at(20, .responseHead(.sample())),
                .at(30, .responseBodyChunk(Array(repeating: UInt8(index % 251), count: 100 + index))),
                .at(40, .responseEnd(trailers: nil)),
            ])
        }
        try withCassette(timelines) { cassette in
            let scheduler = RealTimeScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: .instant)
            transport.readAheadInBackground(on: DispatchQueue(label: "read-ahead-test"), deliver: scheduler.execute)
            for (index, timeline) in timelines.enumerated() {
                let delegate = RecordingDelegate()
                _ = transport.start(timeline.request, delegate: delegate)
                let finished = scheduler.run(until: { delegate.events.last?.isTerminal == true }, timeoutMicros: 10_000_000)
                #expect(finished, "exchange \(index)")
                #expect(delegate.events == timeline.entries.map(\.event), "exchange \(index)")
                // Let a read ahead land before the next request, as it does under a client's pace.
                #expect(scheduler.run(until: { !transport.isReadingAhead }, timeoutMicros: 10_000_000))
            }
            #expect(transport.misses.isEmpty)
            // Only the first span was read when it was needed.
            #expect(transport.exchangesReadAhead == timelines.count - ReplayTransport.readAheadCount)
        }
    }

    @Test func afterStopReadingAheadNoBackgroundReadStartsAndEveryExchangeIsStillServed() throws {
        // What a proxy does before its cassette may close: the read-ahead stops, and what is
        // served afterwards is read when needed.
        let timelines = try Self.numberedExchanges(3 * ReplayTransport.readAheadCount, bodyBytes: { 50 + $0 })
        try withCassette(timelines) { cassette in
            let scheduler = RealTimeScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: .instant)
            let queue = DispatchQueue(label: "read-ahead-test")
            transport.readAheadInBackground(on: queue, deliver: scheduler.execute)
            transport.stopReadingAhead()
            for (index, timeline) in timelines.enumerated() {
                let delegate = RecordingDelegate()
                _ = transport.start(timeline.request, delegate: delegate)
                #expect(!transport.isReadingAhead, "exchange \(index): no background read started")
                let finished = scheduler.run(until: { delegate.events.last?.isTerminal == true }, timeoutMicros: 10_000_000)
                #expect(finished, "exchange \(index)")
                #expect(delegate.events == timeline.entries.map(\.event), "exchange \(index)")
            }
            queue.sync {}
            #expect(transport.exchangesReadAhead == 0)
            #expect(transport.misses.isEmpty)
        }
    }

    @Test func requestsThatOvertakeTheReadAheadAreStillServedInOrderWithTheirOwnBodies() throws {
        // The requests come back to back, without letting the reads ahead land: some exchanges
        // are needed while the background read that holds them runs, and are read on their own.
        let timelines = try Self.numberedExchanges(6 * ReplayTransport.readAheadCount, bodyBytes: { 2_000 + $0 })
        try withCassette(timelines) { cassette in
            let scheduler = RealTimeScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: .instant)
            transport.readAheadInBackground(on: DispatchQueue(label: "read-ahead-test"), deliver: scheduler.execute)
            let delegates = timelines.map { _ in RecordingDelegate() }
            for (timeline, delegate) in zip(timelines, delegates) {
                _ = transport.start(timeline.request, delegate: delegate)
            }
            let finished = scheduler.run(
                until: { delegates.allSatisfy { $0.events.last?.isTerminal == true } && !transport.isReadingAhead },
                timeoutMicros: 10_000_000)
            #expect(finished)
            for (index, (timeline, delegate)) in zip(timelines, delegates).enumerated() {
                #expect(delegate.events == timeline.entries.map(\.event), "exchange \(index)")
            }
            #expect(transport.misses.isEmpty)
        }
    }

    @Test func unmatchedRequestFailsWithTheExplanationAndIsKeptAsAMiss() throws {
        try withCassette([try Self.recording()]) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler)
            var reported: [CassetteError] = []
            transport.onMiss = { reported.append($0) }
            let delegate = RecordingDelegate(scheduler: scheduler)
            _ = transport.start(.sample("POST", "http://h/upload?x=2"), delegate: delegate)
            #expect(delegate.deliveries.isEmpty)
            scheduler.runUntilIdle()
            #expect(delegate.events.count == 1)
            #expect(delegate.failure?.code == .protocolError)
            #expect(transport.misses.count == 1)
            #expect(reported.count == 1)
            let miss = try #require(transport.misses.first)
            #expect(miss.code == .noMatch)
            #expect(delegate.failure?.message == miss.message)
            #expect(miss.miss?.closest?.differences == [MatchDifference(.queryParameter, name: "x", recorded: "1", requested: "2")])
        }
    }

    @Test func cancellingStopsReplayAtOnce() throws {
        let recorded = try Self.recording()
        try withCassette([recorded]) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler)
            let delegate = RecordingDelegate(scheduler: scheduler)
            let task = transport.start(recorded.request, delegate: delegate)
            scheduler.advance(byMicros: 5_000)
            task.cancel()
            scheduler.runUntilIdle()
            #expect(delegate.events.count == 4)
        }
    }

    @Test func cancellingAMissDeliversNothing() throws {
        try withCassette([]) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler)
            let delegate = RecordingDelegate(scheduler: scheduler)
            transport.start(.sample("GET", "http://h/"), delegate: delegate).cancel()
            scheduler.runUntilIdle()
            #expect(delegate.events.isEmpty)
            #expect(transport.misses.count == 1)
        }
    }

    @Test func redactedQueryParameterMatchesADifferentLiveValue() throws {
        let redactor = Redactor(rules: [.queryParameter("token")])
        let recorded = try Timeline.get("http://h/feed?token=first-secret&page=1", answer: "items")
        try withCassette([recorded], redactor: redactor) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler)
            let delegate = RecordingDelegate(scheduler: scheduler)
            _ = transport.start(.sample("GET", "http://h/feed?token=another-secret&page=1"), delegate: delegate)
            scheduler.runUntilIdle()
            #expect(transport.misses.isEmpty)
            #expect(delegate.events.last == .responseEnd(trailers: nil))
        }
    }

    @Test func identicalRequestsReplayTheirRecordingsInOrderThenFail() throws {
        let first = try Timeline.get("http://h/poll", answer: "one")
        let second = try Timeline.get("http://h/poll", answer: "two")
        try withCassette([first, second]) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: .instant)
            var bodies: [String] = []
            for _ in 0..<3 {
                let delegate = RecordingDelegate(scheduler: scheduler)
                _ = transport.start(first.request, delegate: delegate)
                scheduler.runUntilIdle()
                bodies.append(String(decoding: delegate.events.compactMap {
                    if case .responseBodyChunk(let bytes) = $0 { bytes } else { nil }
                }.joined(), as: UTF8.self))
            }
            #expect(bodies == ["one", "two", ""])
            #expect(transport.misses.map(\.code) == [.exhausted])
        }
    }

    /// A GET whose 6 MiB body came in 96 chunks of 64 KiB, 1 ms apart.
    private static func largeRecording() throws -> Timeline {
        let chunk = 64 << 10
        return try Timeline(request: .sample("GET", "http://h/large"), entries:
            [.at(1_000, .responseHead(.sample(headers: [("Content-Length", String(96 * chunk))])))]
                + (0..<96).map { .at(Int64(2_000 + $0 * 1_000), .responseBodyChunk([UInt8](repeating: UInt8($0), count: chunk))) }
                + [.at(98_000, .responseEnd(trailers: nil))])
    }

    @Test func aLargeBodyStreamsFromTheFileAndWaitsForAcknowledgementsPastTheWindow() throws {
        let recorded = try Self.largeRecording()
        try withCassette([recorded]) { cassette in
            let scheduler = VirtualScheduler()
            let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: .instant)
            transport.demandWindowBytes = 2 << 20
            let delegate = RecordingDelegate(scheduler: scheduler)
            let task = transport.start(recorded.request, delegate: delegate)
            let demand = try #require((task as? TimelinePlayer)?.demand)
            scheduler.run(untilMicros: 50_000)
            // Batches of 1 MiB (TimelineCursor.batchBytes) are read while under 2 MiB is unacknowledged.
            #expect(delegate.bodyBytes == 2 << 20, "playback stops at the window, not at the end of the body")
            var acknowledged = 0
            for _ in 0..<100 where delegate.events.last?.isTerminal != true {
                let pending = delegate.bodyBytes - acknowledged
                #expect(pending <= 3 << 20, "never more than the window and one batch unacknowledged")
                demand.acknowledge(byteCount: pending)
                acknowledged += pending
                scheduler.run(untilMicros: scheduler.nowMicros + 10_000)
            }
            #expect(delegate.events == recorded.entries.map(\.event))
        }
    }

    @Test func aSmallExchangeIsReadOnceAndThenServedFromMemory() throws {
        let recorded = try Self.recording()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kept.sqlite")
        let writing = try Cassette.create(at: path)
        _ = try writing.record(recorded)
        try writing.close()
        let cassette = try Cassette(path: path, access: .readOnly)
        let scheduler = VirtualScheduler()
        var matching = MatchOptions()
        matching.whenExhausted = .repeatLast
        let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, matching: matching)
        let first = RecordingDelegate(scheduler: scheduler)
        _ = transport.start(recorded.request, delegate: first)
        scheduler.runUntilIdle()
        // Closing the file proves the second replay never reads it.
        try cassette.close()
        let second = RecordingDelegate(scheduler: scheduler)
        _ = transport.start(recorded.request, delegate: second)
        scheduler.runUntilIdle()
        #expect(second.events == recorded.entries.map(\.event))
        #expect(first.events == second.events)
        #expect(transport.misses.isEmpty)
    }
}
