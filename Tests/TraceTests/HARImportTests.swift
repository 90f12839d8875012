import Cassette
import ContentCoding
import Foundation
import HTTPTypes
import TapeCore
import Testing
import Trace

struct HARImportTests {
    /// Imports `har` into a new cassette and returns its exchanges with their timelines.
    private func importFile(_ relativePath: String, into path: String) throws -> [(ExchangeSummary, Timeline)] {
        let document = try HARImporter.decode(try RepositoryFiles.data(relativePath))
        let cassette = try Cassette(path: path, configuration: CassetteConfiguration(redactor: .none))
        defer { try? cassette.close() }
        let outcome = try HARImporter().importDocument(document, into: cassette)
        #expect(outcome.imported.count == document.log.entries.count)
        return try cassette.exchanges().map { ($0, try cassette.timeline(of: $0.id)) }
    }

    /// Exports the cassette at `path`, imports the result, and expects identical timelines.
    private func expectRoundTrip(of path: String, through directory: TemporaryDirectory) throws {
        let source = try Cassette(path: path, access: .readOnly)
        let document = try HARImporter.decode(HARExporter.encode(try HARExporter().document(from: source)))
        let copy = try Cassette(path: directory.file("round-trip.sqlite"), configuration: CassetteConfiguration(redactor: .none))
        _ = try HARImporter().importDocument(document, into: copy)
        let before = try source.exchanges().map { try source.timeline(of: $0.id) }
        let after = try copy.exchanges().map { try copy.timeline(of: $0.id) }
        #expect(after == before)
        try source.close()
        try copy.close()
    }

    private func exchange(_ exchanges: [(ExchangeSummary, Timeline)], path: String) throws -> Timeline {
        try #require(exchanges.first { $0.0.request.url.hasSuffix(path) }?.1, "no exchange for \(path)")
    }

    private func chunkOffsets(_ timeline: Timeline) -> [Int64] {
        timeline.entries.compactMap { if case .responseBodyChunk = $0.event { $0.offsetMicros } else { nil } }
    }

    @Test func playwrightRecordingImportsAndRoundTrips() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let exchanges = try importFile("recordings/har/playwright-chromium.har", into: directory.file("playwright.sqlite"))
        #expect(exchanges.count == 11)

        let gzip = try exchange(exchanges, path: "/encoded?coding=gzip&n=3000")
        let head = try #require(gzip.responseHead)
        #expect(head.headerFields[.contentEncoding] == "gzip")
        // Playwright stores the decoded body: it is gzipped again, and Content-Length follows.
        #expect(try ContentDecoder.decode(gzip.responseBody, as: .gzip).count == 3000)
        #expect(head.headerFields[.contentLength] == String(gzip.responseBody.count))

        let failed = try exchange(exchanges, path: "/close-before-headers")
        #expect(failed.failure?.code == .connectionReset)
        #expect(failed.failure?.message == "net::ERR_EMPTY_RESPONSE")

        let post = try exchange(exchanges, path: "/echo?case=post")
        #expect(post.request.body == Array(#"{"hello":"world","n":1}"#.utf8))
        #expect(post.entries.first?.event == .requestBodySent(byteCount: post.request.body.count))

        try expectRoundTrip(of: directory.file("playwright.sqlite"), through: directory)
    }

    @Test func devToolsProtocolRecordingImportsAndRoundTrips() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let exchanges = try importFile("recordings/har/devtools-protocol.har", into: directory.file("devtools.sqlite"))

        let redirect = try exchange(exchanges, path: "/redirect?to=/bytes%3Fn%3D16")
        #expect(redirect.responseHead?.status == 302)
        #expect(redirect.responseHead?.headerFields[.location] == "/bytes?n=16")
        #expect(redirect.responseHead?.version == .http1_1)  // DevTools writes "http/1.1"

        let binary = try exchange(exchanges, path: "/bytes?n=300&type=application/octet-stream")
        #expect(binary.responseBody.count == 300)

        let failed = try exchange(exchanges, path: "/close-before-headers")
        #expect(failed.failure?.code == .connectionReset)

        try expectRoundTrip(of: directory.file("devtools.sqlite"), through: directory)
    }

    @Test func pollyRecordingImportsWithTimingFromTimings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let exchanges = try importFile("recordings/har/polly-handwritten.har", into: directory.file("polly.sqlite"))
        #expect(exchanges.count == 4)

        let compressed = try exchange(exchanges, path: "/compress")
        #expect(try ContentDecoder.decode(compressed.responseBody, as: .gzip) == Array(#"{"foo":"bar"}"#.utf8))
        #expect(compressed.request.body == Array(#"{"foo":"bar"}"#.utf8))

        let noContent = try exchange(exchanges, path: "/api/user/7")
        #expect(noContent.responseHead?.status == 204)
        #expect(noContent.responseBody.isEmpty)

        // timings send 1, wait 10, receive 30 (ms): head at 11 ms, the 16 bytes at 41 ms.
        let logo = try exchange(exchanges, path: "/logo.png")
        #expect(logo.responseBody.count == 16)
        #expect(logo.entries.map(\.offsetMicros) == [1_000, 11_000, 41_000, 41_000])
        #expect(exchanges[3].0.startedAt == Date(timeIntervalSince1970: 1_795_600_800.170))

        try expectRoundTrip(of: directory.file("polly.sqlite"), through: directory)
    }

    @Test func withoutChunkDataTheBodyIsSpreadOverReceiveIn16KiBPieces() throws {
        let body = String(repeating: "x", count: 40_000)
        let har = """
            {"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[{
              "startedDateTime":"2026-01-31T12:00:00+01:00","time":40,
              "request":{"method":"GET","url":"http://h/big","httpVersion":"HTTP/1.1","headers":[]},
              "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],
                          "content":{"size":40000,"mimeType":"text/plain","text":"\(body)"}},
              "timings":{"blocked":1,"dns":2,"connect":3,"ssl":2,"send":4,"wait":10,"receive":20}}]}}
            """
        let document = try HARImporter.decode(Data(har.utf8))
        let exchange = try HARImporter().exchange(from: document.log.entries[0], at: "$.log.entries[0]")
        // blocked + dns + connect + send = 10 ms (ssl is inside connect); head 10 ms later; 3 pieces over 20 ms.
        #expect(exchange.timeline.entries.map(\.offsetMicros) == [10_000, 20_000, 26_666, 33_333, 40_000, 40_000])
        #expect(chunkOffsets(exchange.timeline).count == 3)
        #expect(exchange.timeline.responseBody.count == 40_000)
        #expect(exchange.startedAt == Date(timeIntervalSince1970: 1_769_857_200))
    }

    // MARK: - Malformed files

    private func importError(_ har: String) -> HARImportError? {
        do {
            let document = try HARImporter.decode(Data(har.utf8))
            for (index, entry) in document.log.entries.enumerated() {
                _ = try HARImporter().exchange(from: entry, at: "$.log.entries[\(index)]")
            }
            return nil
        } catch {
            return error
        }
    }

    private func entry(request: String = #""method":"GET","url":"http://h/","httpVersion":"HTTP/1.1","headers":[]"#,
                       response: String = #""status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":0,"mimeType":"x"}"#,
                       date: String = "2026-01-31T12:00:00Z", extra: String = "") -> String {
        """
        {"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
          {"startedDateTime":"2026-01-31T12:00:00Z","time":1,"request":{"method":"GET","url":"http://h/a","httpVersion":"HTTP/1.1","headers":[]},
           "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":0,"mimeType":"x"}},
           "timings":{"send":0,"wait":1,"receive":0}},
          {"startedDateTime":"\(date)","time":1,"request":{\(request)},"response":{\(response)},
           "timings":{"send":0,"wait":1,"receive":0}\(extra)}]}}
        """
    }

    @Test func notJSONIsReportedForTheWholeFile() {
        let error = importError("<html>not a HAR</html>")
        #expect(error?.code == .notJSON)
        #expect(error?.jsonPath == "$")
    }

    @Test func missingRequiredFieldNamesItsPath() {
        let error = importError(entry(response: #""statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{}"#))
        #expect(error?.code == .malformed)
        #expect(error?.jsonPath == "$.log.entries[1].response.status")
    }

    @Test func wrongTypeNamesItsPath() {
        let error = importError(entry(request: #""method":"GET","url":"http://h/","httpVersion":"HTTP/1.1","headers":[{"name":"A","value":7}]"#))
        #expect(error?.code == .malformed)
        #expect(error?.jsonPath == "$.log.entries[1].request.headers[0].value")
    }

    @Test func badDateNamesItsPath() {
        let error = importError(entry(date: "yesterday"))
        #expect(error?.code == .invalidValue)
        #expect(error?.jsonPath == "$.log.entries[1].startedDateTime")
    }

    @Test func badBase64NamesItsPath() {
        let error = importError(entry(response: #""status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":3,"mimeType":"x","text":"@@@","encoding":"base64"}"#))
        #expect(error?.code == .invalidValue)
        #expect(error?.jsonPath == "$.log.entries[1].response.content.text")
    }

    @Test func chunksThatDoNotCoverTheBodyNameTheChunk() {
        let error = importError(entry(
            response: #""status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":4,"mimeType":"x","text":"abcd"}"#,
            extra: #","_xhrtapeChunks":[{"atMicros":5,"offset":0,"length":2},{"atMicros":9,"offset":3,"length":1}]"#))
        #expect(error?.code == .invalidValue)
        #expect(error?.jsonPath == "$.log.entries[1]._xhrtapeChunks[1].offset")
    }

    @Test func chunkLongerThanTheBodyIsAnErrorNotAnOverflow() {
        let error = importError(entry(
            response: #""status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{"size":4,"mimeType":"x","text":"abcd"}"#,
            extra: #","_xhrtapeChunks":[{"atMicros":5,"offset":0,"length":9223372036854775807},{"atMicros":9,"offset":9223372036854775807,"length":9223372036854775807}]"#))
        #expect(error?.code == .invalidValue)
        #expect(error?.jsonPath == "$.log.entries[1]._xhrtapeChunks[0].length")
    }

    @Test func absurdTimingsAreCappedInsteadOfOverflowing() throws {
        let document = try HARImporter.decode(Data(entry().replacingOccurrences(
            of: #""timings":{"send":0,"wait":1,"receive":0}}]"#, with: #""timings":{"send":1e300,"wait":1e300,"receive":1e300}}]"#).utf8))
        let exchange = try HARImporter().exchange(from: document.log.entries[1], at: "$.log.entries[1]")
        #expect(exchange.timeline.durationMicros == 3 * 31_536_000_000_000)
    }

    @Test func badHeaderNameNamesItsPath() {
        let error = importError(entry(request: #""method":"GET","url":"http://h/","httpVersion":"HTTP/1.1","headers":[{"name":"Bad Name","value":"v"}]"#))
        #expect(error?.code == .invalidValue)
        #expect(error?.jsonPath == "$.log.entries[1].request.headers[0].name")
    }

    @Test func interimResponsesAreSkippedAndReported() throws {
        let document = try HARImporter.decode(Data(entry(response: #""status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[],"content":{"size":0,"mimeType":"x"}"#).utf8))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette(path: directory.file("ws.sqlite"))
        defer { try? cassette.close() }
        let outcome = try HARImporter().importDocument(document, into: cassette)
        #expect(outcome.imported.count == 1)
        #expect(outcome.skipped.map(\.code) == [.unsupportedEntry])
        #expect(outcome.skipped.map(\.jsonPath) == ["$.log.entries[1].response.status"])
    }
}
