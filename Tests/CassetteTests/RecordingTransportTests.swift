import Cassette
import TapeCore
import Testing

struct RecordingTransportTests {
    private let directory: TemporaryDirectory
    private var path: String { directory.file("record.sqlite") }

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Runs one request through a fresh transport over a freshly opened cassette; returns what
    /// the client saw and what the live transport was asked.
    @discardableResult
    private func session(
        _ mode: RecordMode, requests: [ExchangeRequest], live timelines: [Timeline],
        flushThresholdBytes: Int = 1 << 20, inspect: (RecordingTransport) throws -> Void = { _ in }
    ) throws -> (events: [[TimelineEvent]], liveRequests: Int) {
        let cassette = try Cassette.create(at: path, flushThresholdBytes: flushThresholdBytes)
        let scheduler = VirtualScheduler()
        let live = ScriptedTransport(scheduler: scheduler, timelines: timelines)
        let transport = try RecordingTransport(live: live, cassette: cassette, mode: mode, scheduler: scheduler)
        var seen: [[TimelineEvent]] = []
        for request in requests {
            let delegate = RecordingDelegate(scheduler: scheduler)
            _ = transport.start(request, delegate: delegate)
            scheduler.runUntilIdle()
            seen.append(delegate.events)
        }
        try inspect(transport)
        try cassette.close()
        return (seen, live.requests.count)
    }

    private func storedURLs() throws -> [String] {
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        return try cassette.exchanges().map(\.request.url)
    }

    @Test func aRequestThatWaitedBeforeStartingIsStoredFromItsArrival() throws {
        defer { directory.remove() }
        let timeline = try Timeline.response(to: .sample("GET", "http://h/queued"), body: Timeline.bytes(count: 1_000), chunkSize: 500, gapMicros: 10_000)
        let cassette = try Cassette.create(at: path)
        let scheduler = VirtualScheduler()
        let transport = try RecordingTransport(
            live: ScriptedTransport(scheduler: scheduler, timelines: [timeline]), cassette: cassette, mode: .all, scheduler: scheduler)
        let delegate = RecordingDelegate(scheduler: scheduler)
        _ = transport.start(timeline.request, delegate: delegate, startedLateByMicros: 3_000)
        scheduler.runUntilIdle()
        // The client sees the live offsets; the cassette counts from the request's arrival.
        #expect(delegate.entries == timeline.entries)
        let stored = try cassette.timeline(of: try #require(try cassette.exchanges().first).id)
        #expect(stored.entries.map(\.offsetMicros) == timeline.entries.map { $0.offsetMicros + 3_000 })
        try cassette.close()
    }

    @Test func liveEventsReachTheClientUnchangedAndTheCassetteOnlyWhenComplete() throws {
        defer { directory.remove() }
        let timeline = try Timeline.response(to: .sample("GET", "http://h/slow"), body: Timeline.bytes(count: 5_000), chunkSize: 500, gapMicros: 10_000)
        let cassette = try Cassette.create(at: path, flushThresholdBytes: 600)
        let scheduler = VirtualScheduler()
        let transport = try RecordingTransport(
            live: ScriptedTransport(scheduler: scheduler, timelines: [timeline]), cassette: cassette, mode: .all, scheduler: scheduler)
        let delegate = RecordingDelegate(scheduler: scheduler)
        let task = transport.start(timeline.request, delegate: delegate)
        scheduler.advance(byMicros: 50_000)
        #expect(!delegate.events.isEmpty)
        #expect(try cassette.exchanges().isEmpty, "half an exchange is never visible")
        scheduler.runUntilIdle()
        #expect(delegate.entries == timeline.entries)
        #expect(delegate.tasks.allSatisfy { $0 == ObjectIdentifier(task) })
        let stored = try cassette.exchanges()
        #expect(stored.count == 1)
        #expect(try cassette.timeline(of: stored[0].id) == timeline)
        try cassette.close()
    }

    @Test func onceRecordsIntoAnEmptyCassetteThenOnlyReplays() throws {
        defer { directory.remove() }
        let a = try Timeline.get("http://h/a", answer: "A")
        let first = try session(.once, requests: [a.request], live: [a])
        #expect(first.liveRequests == 1)
        var misses: [CassetteError] = []
        let second = try session(.once, requests: [a.request, .sample("GET", "http://h/b")], live: []) { misses = $0.misses }
        #expect(second.liveRequests == 0)
        #expect(second.events[0] == a.entries.map(\.event))
        #expect(misses.map(\.code) == [.noMatch])
        #expect(try storedURLs() == ["http://h/a"])
    }

    @Test func newReplaysWhatItKnowsAndRecordsTheRest() throws {
        defer { directory.remove() }
        let a = try Timeline.get("http://h/a", answer: "A")
        let b = try Timeline.get("http://h/b", answer: "B")
        try session(.new, requests: [a.request], live: [a])
        let result = try session(.new, requests: [a.request, b.request], live: [b])
        #expect(result.liveRequests == 1)
        #expect(result.events == [a.entries.map(\.event), b.entries.map(\.event)])
        #expect(try storedURLs() == ["http://h/a", "http://h/b"])
    }

    @Test func allRecordsEverythingAndReplacesEarlierRecordingsOfTheSameRequest() throws {
        defer { directory.remove() }
        let old = try Timeline.get("http://h/a", answer: "old")
        let other = try Timeline.get("http://h/other", answer: "kept")
        try session(.all, requests: [old.request, old.request, other.request], live: [old, old, other])
        let fresh = try Timeline.get("http://h/a", answer: "fresh")
        let result = try session(.all, requests: [fresh.request], live: [fresh])
        #expect(result.liveRequests == 1)
        #expect(try storedURLs() == ["http://h/other", "http://h/a"])
        let cassette = try Cassette(path: path, access: .readOnly)
        let stored = try cassette.exchanges().last!
        #expect(try cassette.timeline(of: stored.id).responseBody == Array("fresh".utf8))
        try cassette.close()
    }

    @Test func noneNeverTouchesTheNetwork() throws {
        defer { directory.remove() }
        var misses: [CassetteError] = []
        let result = try session(.none, requests: [.sample("GET", "http://h/a")], live: []) { misses = $0.misses }
        #expect(result.liveRequests == 0)
        #expect(misses.map(\.code) == [.noMatch])
        guard case .failure(let failure)? = result.events[0].last else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.code == .protocolError)
    }

    @Test func passthroughNeitherRecordsNorReplays() throws {
        defer { directory.remove() }
        let a = try Timeline.get("http://h/a", answer: "A")
        try session(.all, requests: [a.request], live: [a])
        let result = try session(.passthrough, requests: [a.request, a.request], live: [a, a])
        #expect(result.liveRequests == 2)
        #expect(try storedURLs() == ["http://h/a"])
    }

    @Test func cancelledRequestIsNotRecorded() throws {
        defer { directory.remove() }
        let slow = try Timeline.response(to: .sample("GET", "http://h/slow"), body: Timeline.bytes(count: 4_000), chunkSize: 100, gapMicros: 1_000)
        let cassette = try Cassette.create(at: path, flushThresholdBytes: 200)
        let scheduler = VirtualScheduler()
        let transport = try RecordingTransport(
            live: ScriptedTransport(scheduler: scheduler, timelines: [slow]), cassette: cassette, mode: .all, scheduler: scheduler)
        let delegate = RecordingDelegate(scheduler: scheduler)
        let task = transport.start(slow.request, delegate: delegate)
        scheduler.advance(byMicros: 10_000)
        task.cancel()
        scheduler.runUntilIdle()
        #expect(delegate.events.count < slow.entries.count)
        let report = try cassette.verify()
        #expect(report.exchangeCount == 0)
        #expect(report.incompleteExchangeCount == 0)
        try cassette.close()
    }

    @Test func recordingFailuresNeverReachTheClient() throws {
        defer { directory.remove() }
        let token = try Timeline.response(
            to: .sample("POST", "http://h/token"),
            headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: [0x1F, 0x8B, 0x08])
        let cassette = try Cassette.create(at: path, redactor: Redactor(rules: [try .jsonField("access_token")]))
        let scheduler = VirtualScheduler()
        let transport = try RecordingTransport(
            live: ScriptedTransport(scheduler: scheduler, timelines: [token]), cassette: cassette, mode: .all, scheduler: scheduler)
        let delegate = RecordingDelegate(scheduler: scheduler)
        _ = transport.start(token.request, delegate: delegate)
        scheduler.runUntilIdle()
        #expect(delegate.entries == token.entries)
        #expect(transport.recordingErrors.map(\.code) == [.redactionFailed])
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }

    @Test func modesThatRecordNeedAWritableCassette() throws {
        defer { directory.remove() }
        try Cassette.create(at: path).close()
        let cassette = try Cassette(path: path, access: .readOnly)
        let scheduler = VirtualScheduler()
        let live = ScriptedTransport(scheduler: scheduler, timelines: [])
        for mode in [RecordMode.new, .all, .once] {
            let error = #expect(throws: CassetteError.self) {
                _ = try RecordingTransport(live: live, cassette: cassette, mode: mode, scheduler: scheduler)
            }
            #expect(error?.code == .readOnly)
        }
        _ = try RecordingTransport(live: live, cassette: cassette, mode: .none, scheduler: scheduler)
        _ = try RecordingTransport(live: live, cassette: cassette, mode: .passthrough, scheduler: scheduler)
        try cassette.close()
    }
}
