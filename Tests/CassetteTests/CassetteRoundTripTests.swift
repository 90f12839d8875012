import Cassette
import Foundation
import HTTPTypes
import TapeCore
import Testing

struct CassetteRoundTripTests {
    /// Records `timeline`, closes and reopens the file, and reads it back.
    private func roundTrip(_ timeline: Timeline, redactor: Redactor = .none) throws -> (Timeline, ExchangeSummary) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("tape.sqlite")
        let writing = try Cassette.create(at: path, redactor: redactor, flushThresholdBytes: 64 << 10)
        let id = try writing.record(timeline)
        try writing.close()
        let reading = try Cassette(path: path, access: .readOnly)
        defer { try? reading.close() }
        #expect(try reading.verify().isValid)
        return (try reading.timeline(of: id), try reading.summary(of: id))
    }

    private func expectIdentical(_ actual: Timeline, _ expected: Timeline) {
        #expect(actual.request == expected.request)
        #expect(actual.entries.count == expected.entries.count)
        #expect(actual.entries.map(\.offsetMicros) == expected.entries.map(\.offsetMicros))
        #expect(actual.entries == expected.entries)
    }

    @Test func zeroByteBodyRoundTripsExactly() throws {
        let request = ExchangeRequest.sample("HEAD", "http://127.0.0.1:8080/empty")
        let timeline = try Timeline.response(to: request, headers: [("Content-Length", "0")], body: [])
        let (read, summary) = try roundTrip(timeline)
        expectIdentical(read, timeline)
        #expect(summary.responseBodyLength == 0)
        #expect(read.responseBody.isEmpty)
    }

    @Test func tenThousandSmallChunksRoundTripWithEveryOffset() throws {
        let body = Timeline.bytes(count: 70_000)
        let request = ExchangeRequest.sample("GET", "http://127.0.0.1:8080/trickle?chunks=10000")
        let timeline = try Timeline.response(to: request, body: body, chunkSize: 7, gapMicros: 3)
        #expect(timeline.entries.count == 10_003)
        let (read, summary) = try roundTrip(timeline)
        expectIdentical(read, timeline)
        #expect(summary.eventCount == 10_003)
    }

    @Test func twentyMegabyteBodyStreamsBackByteForByte() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("large.sqlite")
        let body = Timeline.bytes(count: 20 << 20, seed: 42)
        let request = ExchangeRequest.sample("GET", "http://127.0.0.1:8080/large")
        let timeline = try Timeline.response(to: request, body: body, chunkSize: 16_384, gapMicros: 11)
        let writing = try Cassette.create(at: path)
        let id = try writing.record(timeline)
        try writing.close()

        let reading = try Cassette(path: path, access: .readOnly)
        var cursor = try reading.events(of: id)
        var index = 0
        var mismatches = 0
        while let entry = try cursor.next() {
            if index >= timeline.entries.count || entry != timeline.entries[index] { mismatches += 1 }
            index += 1
        }
        #expect(index == timeline.entries.count)
        #expect(mismatches == 0)
        #expect(cursor.summary.responseBodyLength == Int64(body.count))
        try reading.close()
    }

    @Test func failureAfterPartOfTheBodyRoundTripsWithItsCodeAndMessage() throws {
        let request = ExchangeRequest.sample("GET", "http://127.0.0.1:8080/reset?after=3")
        let timeline = try Timeline(request: request, entries: [
            .at(900, .responseHead(.sample(headers: [("Content-Length", "10")]))),
            .at(1_500, .responseBodyChunk([1, 2, 3])),
            .at(2_000, .failure(TransportFailure(.connectionReset, message: "Connection reset by peer after 3 bytes"))),
        ])
        let (read, summary) = try roundTrip(timeline)
        expectIdentical(read, timeline)
        #expect(summary.outcome == .failed(TransportFailure(.connectionReset, message: "Connection reset by peer after 3 bytes")))
    }

    @Test func failureBeforeAnyHeadRoundTrips() throws {
        let request = ExchangeRequest.sample("GET", "http://127.0.0.1:1/refused")
        let timeline = try Timeline(request: request, entries: [
            .at(310, .failure(TransportFailure(.connectionRefused, message: "Connection refused"))),
        ])
        let (read, summary) = try roundTrip(timeline)
        expectIdentical(read, timeline)
        #expect(summary.response == nil)
    }

    @Test func headersKeepTheirOrderCaseDuplicatesAndRawBytes() throws {
        var fields = HTTPFields()
        fields.append(HTTPField(name: HTTPField.Name("x-Weird-CASE")!, value: "  leading spaces kept"))
        fields.append(HTTPField(name: .setCookie, value: "a=1"))
        fields.append(HTTPField(name: HTTPField.Name("Set-Cookie")!, value: "b=2"))
        fields.append(HTTPField(name: HTTPField.Name("X-Latin1")!, lenientValue: [0x63, 0x61, 0x66, 0xE9]))  // "café" in ISO-8859-1
        let head = ResponseHead(version: .http1_0, status: 203, reasonPhrase: "Non-Authoritative Information", headerFields: fields)
        let request = ExchangeRequest(
            head: RequestHead(method: "post", url: "http://H/p?q=1", version: .http1_0,
                              headerFields: HTTPFields(wirePairs: [(name: "content-TYPE", value: "a/b"), (name: "X-Empty", value: "")])!),
            body: [0, 1, 2, 255])
        var trailerFields = HTTPFields()
        trailerFields.append(HTTPField(name: HTTPField.Name("Server-Timing")!, value: "db;dur=53"))
        let timeline = try Timeline(request: request, entries: [
            .at(5, .requestBodySent(byteCount: 4)),
            .at(6, .requestEnd),
            .at(900, .responseHead(head)),
            .at(901, .responseBodyChunk([9])),
            .at(902, .responseEnd(trailers: trailerFields)),
        ])
        let (read, _) = try roundTrip(timeline)
        expectIdentical(read, timeline)
        #expect(read.responseHead?.headerFields.isWireIdentical(to: fields) == true)
    }

    @Test func emptyTrailersStayDistinctFromNoTrailers() throws {
        let request = ExchangeRequest.sample("GET", "http://127.0.0.1:8080/chunked")
        let empty = try Timeline.response(to: request, body: [1], trailers: HTTPFields())
        let none = try Timeline.response(to: request, body: [1], trailers: nil)
        #expect(try roundTrip(empty).0.entries.last?.event == .responseEnd(trailers: HTTPFields()))
        #expect(try roundTrip(none).0.entries.last?.event == .responseEnd(trailers: nil))
    }

    @Test func summaryKeepsStartTimeMetadataAndToolVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("meta.sqlite"))
        let started = Date(timeIntervalSince1970: 1_732_000_000.123456)
        let metadata = ExchangeMetadata(clientAddress: "127.0.0.1:50123", upstreamAddress: "93.184.216.34:443", usesTLS: true)
        let id = try cassette.record(try .get("https://example.test/", answer: "hi"), metadata: metadata, startedAt: started)
        let summary = try cassette.summary(of: id)
        #expect(summary.metadata == metadata)
        #expect(summary.toolVersion == "xhrtape-tests")
        #expect(abs(summary.startedAt.timeIntervalSince(started)) < 0.000_001)
        #expect(summary.durationMicros == 1_257)
        try cassette.close()
    }

    @Test func exchangeStaysInvisibleUntilItsTerminalEvent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A tiny threshold makes every chunk reach the file while the exchange is still open.
        let cassette = try Cassette.create(at: directory.file("open.sqlite"), flushThresholdBytes: 1)
        let timeline = try Timeline.response(to: .sample("GET", "http://h/slow"), body: Timeline.bytes(count: 300), chunkSize: 100)
        let writer = try cassette.beginExchange(timeline.request)
        for entry in timeline.entries.dropLast() {
            try writer.append(entry.event, atOffsetMicros: entry.offsetMicros)
        }
        #expect(try cassette.exchanges().isEmpty)
        #expect(throws: CassetteError.self) { try cassette.summary(of: writer.id) }
        try writer.append(timeline.entries.last!.event, atOffsetMicros: timeline.entries.last!.offsetMicros)
        #expect(try cassette.exchanges().map(\.id) == [writer.id])
        #expect(try cassette.timeline(of: writer.id) == timeline)
        try cassette.close()
    }

    @Test func exchangesInFlightTogetherCommitIndependentlyAndKeepIssueOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("many.sqlite"), flushThresholdBytes: 64)
        let timelines = try (0..<4).map { index in
            try Timeline.response(to: .sample("GET", "http://h/\(index)"), body: Timeline.bytes(count: 500, seed: UInt64(index)), chunkSize: 50)
        }
        let writers = try timelines.map { try cassette.beginExchange($0.request) }
        // Interleave events: all first events, then all second events, … finishing in reverse order.
        let longest = timelines.map(\.entries.count).max()!
        for step in 0..<longest {
            for (index, timeline) in timelines.enumerated().reversed() where step < timeline.entries.count {
                let entry = timeline.entries[step]
                try writers[index].append(entry.event, atOffsetMicros: entry.offsetMicros)
            }
        }
        let listed = try cassette.exchanges()
        #expect(listed.map(\.id) == writers.map(\.id))
        #expect(listed.map(\.request.url) == timelines.map(\.request.head.url))
        for (writer, timeline) in zip(writers, timelines) {
            #expect(try cassette.timeline(of: writer.id) == timeline)
        }
        try cassette.close()
    }

    @Test func abandonedExchangeLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("abandon.sqlite"), flushThresholdBytes: 1)
        let writer = try cassette.beginExchange(.sample("GET", "http://h/cancelled"))
        try writer.append(.responseHead(.sample()), atOffsetMicros: 10)
        try writer.append(.responseBodyChunk([1, 2, 3]), atOffsetMicros: 20)
        writer.abandon()
        #expect(writer.isFinished)
        let report = try cassette.verify()
        #expect(report.isValid)
        #expect(report.exchangeCount == 0)
        #expect(report.incompleteExchangeCount == 0)
        try cassette.close()
    }

    @Test func eventsThatBreakTheTimelineRulesAreRefusedAndDropTheExchange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("rules.sqlite"))
        let writer = try cassette.beginExchange(.sample("GET", "http://h/bad"))
        let error = #expect(throws: CassetteError.self) { try writer.append(.responseBodyChunk([1]), atOffsetMicros: 5) }
        #expect(error?.code == .invalidTimeline)
        #expect(writer.isFinished)
        let later = try cassette.beginExchange(.sample("GET", "http://h/backwards"))
        try later.append(.responseHead(.sample()), atOffsetMicros: 50)
        #expect(throws: CassetteError.self) { try later.append(.responseEnd(trailers: nil), atOffsetMicros: 49) }
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }
}
