import Cassette
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
}
