import Cassette
import ContentCoding
import Foundation
import TapeCore
import Testing
import Trace

struct HARRoundTripTests {
    /// Every exchange of `path`, with its timeline.
    private func contents(of path: String) throws -> [(ExchangeSummary, Timeline)] {
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        return try cassette.exchanges().map { ($0, try cassette.timeline(of: $0.id)) }
    }

    /// Exports `source` to HAR text, parses it back and imports it into a new cassette.
    private func roundTrip(_ source: String, into target: String) throws -> Data {
        let cassette = try Cassette(path: source, access: .readOnly)
        let json = HARExporter.encode(try HARExporter().document(from: cassette))
        try cassette.close()
        let imported = try Cassette(path: target, configuration: CassetteConfiguration(redactor: .none))
        let outcome = try HARImporter().importDocument(try HARImporter.decode(json), into: imported)
        #expect(outcome.skipped.isEmpty)
        try imported.close()
        return json
    }

    @Test func cassetteSurvivesExportAndImportByteForByte() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SampleCassette.write(at: directory.file("original.sqlite"))
        _ = try roundTrip(directory.file("original.sqlite"), into: directory.file("copy.sqlite"))

        let original = try contents(of: directory.file("original.sqlite"))
        let copy = try contents(of: directory.file("copy.sqlite"))
        #expect(copy.count == original.count)
        for ((summaryA, timelineA), (summaryB, timelineB)) in zip(original, copy) {
            // Timeline equality is exact: request head and body, every event, offset, chunk boundary and byte.
            #expect(timelineB == timelineA, "exchange \(summaryA.id) \(summaryA.request.url)")
            #expect(summaryB.startedAt == summaryA.startedAt)
            #expect(summaryB.metadata == summaryA.metadata)
        }
    }

    @Test func exportKeepsChunkOffsetsAndTheWireBytesInExtensionFields() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SampleCassette.write(at: directory.file("original.sqlite"))
        let json = try roundTrip(directory.file("original.sqlite"), into: directory.file("copy.sqlite"))
        let document = try HARImporter.decode(json)

        let trickle = document.log.entries[1]
        #expect(trickle.xhrtapeChunks == [
            .init(atMicros: 20_000, offset: 0, length: 6), .init(atMicros: 60_000, offset: 6, length: 8),
            .init(atMicros: 100_000, offset: 14, length: 5),
        ])
        #expect(trickle.response.content.text == "hello chunked world")
        #expect(trickle.timings.send == 0.1 && trickle.timings.wait == 19.9 && trickle.timings.receive == 80.25)
        #expect(trickle.time == 100.25)
        #expect(trickle.startedDateTime == "2026-11-25T12:00:00.133456Z")
        #expect(trickle.request.queryString == [.init(name: "chunks", value: "3"), .init(name: "label", value: "a b")])

        let gzip = document.log.entries[2].response.content
        #expect(gzip.text == SampleCassette.gzipPlainText)
        #expect(gzip.size == SampleCassette.gzipPlainText.utf8.count)
        let wire = try #require(gzip.xhrtapeEncodedBody.flatMap { Data(base64Encoded: $0) })
        #expect(try ContentDecoder.decode([UInt8](wire), as: .gzip) == Array(SampleCassette.gzipPlainText.utf8))
        #expect([UInt8](wire) == (try SampleCassette.gzipWireBody()))
        #expect([UInt8](wire) != (try ContentEncoder.encode(Array(SampleCassette.gzipPlainText.utf8), as: .gzip)))

        let binary = document.log.entries[3].response.content
        #expect(binary.encoding == "base64")
        #expect(binary.text.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } == SampleCassette.binaryBody)

        #expect(document.log.entries[4].request.postData?.xhrtapeBody.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } == SampleCassette.uploadBody)
        #expect(document.log.entries[10].request.postData?.text == String(decoding: SampleCassette.jsonRequest, as: UTF8.self))
        #expect(document.log.entries[10].request.postData?.xhrtapeBody == nil)
        #expect(document.log.entries[5].response.redirectURL == "/trickle?chunks=3&label=a%20b")
        #expect(document.log.entries[9].response.status == 0)
        #expect(document.log.entries[9].response.chromeError == "Failed to connect to 127.0.0.1 port 9: Connection refused")
    }

    @Test func exportIsValidAgainstTheRequiredFieldsOfHAR12() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SampleCassette.write(at: directory.file("original.sqlite"))
        let json = try roundTrip(directory.file("original.sqlite"), into: directory.file("copy.sqlite"))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let log = try #require(root["log"] as? [String: Any])
        #expect(log["version"] as? String == "1.2")
        #expect((log["creator"] as? [String: Any])?.keys.sorted() == ["name", "version"])
        let entries = try #require(log["entries"] as? [[String: Any]])
        for entry in entries {
            for key in ["startedDateTime", "time", "request", "response", "cache", "timings"] {
                #expect(entry[key] != nil, "entry lacks \(key)")
            }
            let request = try #require(entry["request"] as? [String: Any])
            for key in ["method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"] {
                #expect(request[key] != nil, "request lacks \(key)")
            }
            let response = try #require(entry["response"] as? [String: Any])
            for key in ["status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"] {
                #expect(response[key] != nil, "response lacks \(key)")
            }
            let content = try #require(response["content"] as? [String: Any])
            #expect(content["size"] != nil && content["mimeType"] != nil)
            let timings = try #require(entry["timings"] as? [String: Any])
            for key in ["send", "wait", "receive"] { #expect(timings[key] != nil, "timings lack \(key)") }
        }
    }
}
