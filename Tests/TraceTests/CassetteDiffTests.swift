import Cassette
import ContentCoding
import Foundation
import TapeCore
import Testing
import Trace

struct CassetteDiffTests {
    typealias X = RecordedExchange

    @Test func identicalCassettesAreEqual() throws {
        let exchanges = [try X.sample(1, "http://h/a"), try X.sample(2, "http://h/b", method: "POST")]
        let diff = CassetteDiff(expected: exchanges, actual: exchanges)
        #expect(diff.isEqual)
        #expect(diff.exchanges.count == 2)
    }

    @Test func exchangesArePairedByMethodAndNormalisedURLThenRecordedOrder() throws {
        let expected = [try X.sample(1, "http://h/a", body: Array("one".utf8)), try X.sample(2, "http://h/a", body: Array("two".utf8)),
                        try X.sample(3, "http://h/gone")]
        // Default port and the escaped unreserved character normalise away; the duplicates keep their order.
        let actual = [try X.sample(10, "http://H:80/%61", body: Array("one".utf8)), try X.sample(11, "http://h/a", body: Array("two".utf8)),
                      try X.sample(12, "http://h/a", method: "DELETE")]
        let diff = CassetteDiff(expected: expected, actual: actual)
        #expect(diff.changed.isEmpty)
        #expect(diff.removed.map(\.expectedID) == [ExchangeID(rawValue: 3)])
        #expect(diff.added.map(\.actualID) == [ExchangeID(rawValue: 12)])
        #expect(diff.exchanges.filter(\.isEqual).map(\.actualID) == [ExchangeID(rawValue: 10), ExchangeID(rawValue: 11)])
    }

    @Test func statusAndReasonChangesAreReported() throws {
        let diff = CassetteDiff(expected: [try X.sample(1, "http://h/a")], actual: [try X.sample(1, "http://h/a", status: 404, reason: "Not Found")])
        #expect(diff.changed.first?.headDifferences == [
            FieldDifference("status", expected: "200", actual: "404"), FieldDifference("reason", expected: "OK", actual: "Not Found"),
        ])
    }

    @Test func headersCompareWithoutCaseAndNoteCaseChangesMovesAndValues() throws {
        let expected = try X.sample(1, "http://h/a", headers: [("Content-Type", "text/plain"), ("ETag", "1"), ("X-A", "a"), ("Vary", "Accept")])
        let actual = try X.sample(1, "http://h/a", headers: [("content-type", "text/plain"), ("X-A", "a"), ("ETag", "2"), ("Vary", "Accept"), ("X-New", "n")])
        let differences = try #require(CassetteDiff(expected: [expected], actual: [actual]).changed.first).responseHeaderDifferences
        #expect(differences == [
            .renamed(expected: "Content-Type", actual: "content-type", value: "text/plain"),
            .changed(name: "ETag", expected: "1", actual: "2"),
            .added(name: "X-New", value: "n", position: 4),
        ])
    }

    @Test func aFieldInAnotherOrderIsAMove() throws {
        let expected = try X.sample(1, "http://h/a", headers: [("A", "1"), ("B", "2"), ("C", "3")])
        let actual = try X.sample(1, "http://h/a", headers: [("C", "3"), ("A", "1"), ("B", "2")])
        let differences = try #require(CassetteDiff(expected: [expected], actual: [actual]).changed.first).responseHeaderDifferences
        #expect(differences == [.moved(name: "C", value: "3", from: 2, to: 0)])
    }

    @Test func ignoredHeadersAreNotCompared() throws {
        let expected = try X.sample(1, "http://h/a", headers: [("Date", "Mon")])
        let actual = try X.sample(1, "http://h/a", headers: [("Date", "Tue")])
        #expect(CassetteDiff(expected: [expected], actual: [actual], ignoringHeaders: ["date"]).isEqual)
        #expect(!CassetteDiff(expected: [expected], actual: [actual]).isEqual)
    }

    @Test func jsonBodiesAreComparedByPath() throws {
        let json = [("Content-Type", "application/json")]
        let expected = try X.sample(1, "http://h/a", headers: json, body: Array(#"{"user":{"id":1,"tags":["a","b","c"]},"n":2.50}"#.utf8))
        let reordered = try X.sample(1, "http://h/a", headers: json, body: Array(#"{ "n": 2.5, "user": {"tags":["a","b","c"], "id":1} }"#.utf8))
        #expect(CassetteDiff(expected: [expected], actual: [reordered]).isEqual)
        let changed = try X.sample(1, "http://h/a", headers: json, body: Array(#"{"user":{"id":2,"tags":["a","c"]},"n":2.5,"new":true}"#.utf8))
        let body = try #require(CassetteDiff(expected: [expected], actual: [changed]).changed.first?.responseBody)
        #expect(body.jsonPaths == [
            FieldDifference("$.user.id", expected: "1", actual: "2"),
            FieldDifference("$.user.tags[1]", expected: "\"b\"", actual: nil),
            FieldDifference("$.new", expected: nil, actual: "true"),
        ])
    }

    @Test func otherBodiesReportSizesDigestsAndTheFirstDifferingByte() throws {
        let expected = try X.sample(1, "http://h/a", body: Array("hello world".utf8))
        let actual = try X.sample(1, "http://h/a", body: Array("hello World!".utf8))
        let body = try #require(CassetteDiff(expected: [expected], actual: [actual]).changed.first?.responseBody)
        #expect(body.jsonPaths == nil)
        #expect((body.expectedBytes, body.actualBytes, body.firstDifferingOffset) == (11, 12, 6))
        #expect(body.expectedSHA256 == "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
    }

    @Test func bodiesAreComparedAfterContentDecoding() throws {
        let text = Array(#"{"a":[1,2,3]}"#.utf8)
        let gzipped = try ContentEncoder.encode(text, as: .gzip)
        let plain = try X.sample(1, "http://h/a", headers: [("Content-Type", "application/json")], body: text)
        let compressed = try X.sample(1, "http://h/a", headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: gzipped)
        let exchange = try #require(CassetteDiff(expected: [plain], actual: [compressed]).changed.first)
        #expect(exchange.responseBody == nil)
        #expect(exchange.responseHeaderDifferences == [.added(name: "Content-Encoding", value: "gzip", position: 1)])
    }

    @Test func aCorruptEncodedBodyIsComparedAsStoredWithTheReason() throws {
        let broken = try X.sample(1, "http://h/a", headers: [("Content-Encoding", "gzip")], body: [0x1F, 0x8B, 0x08, 0x00, 0x01])
        let other = try X.sample(1, "http://h/a", headers: [("Content-Encoding", "gzip")], body: [0x1F, 0x8B, 0x08, 0x00, 0x02])
        let body = try #require(CassetteDiff(expected: [broken], actual: [other]).changed.first?.responseBody)
        #expect(body.expectedDecodingProblem != nil)
        #expect(body.firstDifferingOffset == 4)
    }

    @Test func chunkTimingBeyondTheToleranceIsReportedPerChunk() throws {
        let body = Array(repeating: UInt8(ascii: "x"), count: 30)
        let expected = try X.sample(1, "http://h/a", body: body, chunks: 3, chunkOffsets: [10_000, 100_000, 200_000])
        let within = try X.sample(1, "http://h/a", body: body, chunks: 3, chunkOffsets: [14_000, 109_000, 200_000])
        #expect(CassetteDiff(expected: [expected], actual: [within]).isEqual)
        let beyond = try X.sample(1, "http://h/a", body: body, chunks: 3, chunkOffsets: [10_000, 150_000, 200_000])
        let exchange = try #require(CassetteDiff(expected: [expected], actual: [beyond]).changed.first)
        #expect(exchange.timingDifferences == [FieldDifference("chunk 1 t", expected: "100000", actual: "150000")])
        let rechunked = try X.sample(1, "http://h/a", body: body, chunks: 2, chunkOffsets: [10_000, 200_000])
        let counted = try #require(CassetteDiff(expected: [expected], actual: [rechunked]).changed.first)
        #expect(counted.timingDifferences == [FieldDifference("chunks", expected: "3", actual: "2")])
        #expect(counted.responseBody == nil)
    }

    @Test func renderingAndJSONNameEveryKindOfDifference() throws {
        let expected = [try X.sample(1, "http://h/a"), try X.sample(2, "http://h/gone")]
        let actual = [try X.sample(1, "http://h/a", status: 500, reason: "Oops"), try X.sample(2, "http://h/new")]
        let diff = CassetteDiff(expected: expected, actual: actual)
        let lines = diff.rendered(expectedName: "a.sqlite", actualName: "b.sqlite").split(separator: "\n")
        #expect(lines.first == "--- a.sqlite (2 exchanges)")
        #expect(lines.contains { $0.hasPrefix("~ #1→#1") && $0.hasSuffix("GET http://h/a") })
        #expect(lines.contains { $0.hasPrefix("    ~ status 200 → 500") })
        #expect(lines.contains { $0.hasPrefix("- #2→-") && $0.hasSuffix("http://h/gone") })
        #expect(lines.contains { $0.hasPrefix("+ -→#2") && $0.hasSuffix("http://h/new") })
        #expect(lines.last == "cassettes differ: 1 added, 1 removed, 1 changed, 0 equal (tolerance 5ms,10%)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.json.utf8)) as? [String: Any])
        #expect((object["exchanges"] as? [[String: Any]])?.compactMap { $0["presence"] as? String } == ["both", "expected", "actual"])
    }

    @Test func cassetteFilesWrittenByTheExchangeWriterCompare() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func write(_ name: String, _ exchanges: [RecordedExchange]) throws -> Cassette {
            let cassette = try Cassette(path: directory + "/" + name)
            for exchange in exchanges {
                let writer = try cassette.beginExchange(exchange.timeline.request, startedAt: Date(timeIntervalSince1970: 1_700_000_000))
                for entry in exchange.timeline.entries { try writer.append(entry.event, atOffsetMicros: entry.offsetMicros) }
            }
            return cassette
        }
        let a = try write("a.sqlite", [try X.sample(1, "http://h/a"), try X.sample(2, "http://h/b")])
        let b = try write("b.sqlite", [try X.sample(1, "http://h/a", body: Array("HELLO".utf8)), try X.sample(2, "http://h/b")])
        let diff = try CassetteDiff(expected: a, actual: b)
        #expect(diff.changed.map(\.url) == ["http://h/a"])
        #expect(diff.exchanges.count == 2)
    }
}
