import Cassette
import ContentCoding
import Foundation
import HTTPTypes
import TapeCore

/// A cassette with one exchange of each shape HAR must carry: an HTML page, a chunked text body
/// with trailers, a gzip body, a binary body, a binary upload with progress, a redirect, a 404,
/// an HTTP/1.0 head with odd case and reason, a reset mid-body, a refused connection and a JSON POST.
///
/// URLs point at 127.0.0.1:9 (discard), where nothing answers: a browser that shows these bodies
/// got them from the HAR.
enum SampleCassette {
    static let origin = "http://127.0.0.1:9"
    /// The first request's wall-clock start: 2026-11-25T12:00:00.123456Z.
    static let startMicros: Int64 = 1_795_608_000_123_456

    /// The decoded body of the gzip exchange.
    static let gzipPlainText = String(repeating: "gzip body, decoded by the browser. ", count: 60)
    /// The binary body: every byte value once.
    static let binaryBody = (0...255).map { UInt8($0) }
    /// A JSON request body (UTF-8, so HAR's postData.text holds it exactly).
    static let jsonRequest = Array(#"{"name":"ünïcödé","tags":["a","b"]}"#.utf8)
    /// The upload: not UTF-8 (only xhrtape's `_xhrtapeBody` keeps it exactly).
    static let uploadBody: [UInt8] = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7 + 0x80) }

    /// The gzip exchange's stored body: level 1, so encoding the decoded text again (at the
    /// default level) gives other bytes, and only the wire bytes kept in the HAR restore it.
    static func gzipWireBody() throws -> [UInt8] {
        try ContentEncoder.encode(Array(gzipPlainText.utf8), as: .gzip, level: 1)
    }

    struct Exchange {
        var request: ExchangeRequest
        var entries: [Timeline.Entry]
        var metadata: ExchangeMetadata?
    }

    static func exchanges() throws -> [Exchange] {
        func head(_ status: Int, _ reason: String, _ fields: [(String, String)], version: HTTPVersion = .http1_1) -> TimelineEvent {
            .responseHead(ResponseHead(version: version, status: status, reasonPhrase: reason, headerFields: HTTPFields(wirePairs: fields)!))
        }
        func get(_ path: String, _ fields: [(String, String)] = [("Accept", "*/*")]) -> ExchangeRequest {
            ExchangeRequest(head: RequestHead(method: "GET", url: origin + path, headerFields: HTTPFields(wirePairs: fields)!))
        }
        func at(_ micros: Int64, _ event: TimelineEvent) -> Timeline.Entry {
            Timeline.Entry(offsetMicros: micros, event: event)
        }
        let page = Array("<!doctype html><title>sample</title><p id=ok>served from HAR</p>".utf8)
        let gzip = try gzipWireBody()
        let json = Array(#"{"created":true,"name":"ünïcödé"}"#.utf8)
        return [
            Exchange(request: get("/"), entries: [
                at(150, .requestEnd),
                at(2_000, head(200, "OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", String(page.count))])),
                at(2_400, .responseBodyChunk(page)),
                at(2_400, .responseEnd(trailers: nil)),
            ]),
            Exchange(request: get("/trickle?chunks=3&label=a%20b"), entries: [
                at(100, .requestEnd),
                at(20_000, head(200, "OK", [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked"), ("Trailer", "X-Checksum")])),
                at(20_000, .responseBodyChunk(Array("hello ".utf8))),
                at(60_000, .responseBodyChunk(Array("chunked ".utf8))),
                at(100_000, .responseBodyChunk(Array("world".utf8))),
                at(100_250, .responseEnd(trailers: HTTPFields(wirePairs: [("X-Checksum", "abc123")])!)),
            ], metadata: ExchangeMetadata(clientAddress: "127.0.0.1:50000", upstreamAddress: "127.0.0.1:9", usesTLS: false)),
            Exchange(request: get("/gzip", [("Accept-Encoding", "gzip")]), entries: [
                at(90, .requestEnd),
                at(5_000, head(200, "OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Encoding", "gzip"), ("Content-Length", String(gzip.count))])),
                at(5_100, .responseBodyChunk(Array(gzip.prefix(20)))),
                at(7_300, .responseBodyChunk(Array(gzip.dropFirst(20)))),
                at(7_300, .responseEnd(trailers: nil)),
            ]),
            Exchange(request: get("/binary"), entries: [
                at(80, .requestEnd),
                at(3_000, head(200, "OK", [("Content-Type", "application/octet-stream"), ("Content-Length", "256")])),
                at(3_500, .responseBodyChunk(binaryBody)),
                at(3_500, .responseEnd(trailers: nil)),
            ]),
            Exchange(
                request: ExchangeRequest(
                    head: RequestHead(method: "POST", url: origin + "/upload", headerFields: HTTPFields(wirePairs: [
                        ("Content-Type", "application/octet-stream"), ("Content-Length", "3000"),
                    ])!),
                    body: uploadBody),
                entries: [
                    at(1_000, .requestBodySent(byteCount: 1_000)),
                    at(3_000, .requestBodySent(byteCount: 2_000)),
                    at(3_000, .requestEnd),
                    at(9_000, head(201, "Created", [("Content-Type", "application/json"), ("Content-Length", String(json.count))])),
                    at(9_200, .responseBodyChunk(json)),
                    at(9_200, .responseEnd(trailers: nil)),
                ]),
            Exchange(request: get("/redirect"), entries: [
                at(70, .requestEnd),
                at(1_500, head(302, "Found", [("Location", "/trickle?chunks=3&label=a%20b"), ("Content-Length", "0")])),
                at(1_500, .responseEnd(trailers: nil)),
            ]),
            Exchange(request: get("/missing"), entries: [
                at(60, .requestEnd),
                at(1_200, head(404, "Not Found", [("Content-Type", "text/plain"), ("Content-Length", "10")])),
                at(1_300, .responseBodyChunk(Array("not found\n".utf8))),
                at(1_300, .responseEnd(trailers: nil)),
            ]),
            Exchange(request: get("/old"), entries: [
                at(50, .requestEnd),
                at(800, head(200, "Fine Thanks", [("x-MiXeD-Case", "kept"), ("X-Empty", "")], version: .http1_0)),
                at(800, .responseEnd(trailers: HTTPFields())),
            ]),
            Exchange(request: get("/reset"), entries: [
                at(40, .requestEnd),
                at(2_000, head(200, "OK", [("Content-Type", "text/plain")])),
                at(2_500, .responseBodyChunk(Array("partial".utf8))),
                at(4_000, .failure(TransportFailure(.connectionReset, message: "Connection reset by peer after 7 bytes"))),
            ]),
            Exchange(request: get("/refused"), entries: [
                at(500, .failure(TransportFailure(.connectionRefused, message: "Failed to connect to 127.0.0.1 port 9: Connection refused"))),
            ]),
            Exchange(
                request: ExchangeRequest(
                    head: RequestHead(method: "POST", url: origin + "/items", headerFields: HTTPFields(wirePairs: [
                        ("Content-Type", "application/json"), ("Content-Length", String(jsonRequest.count)),
                    ])!),
                    body: jsonRequest),
                entries: [
                    at(400, .requestBodySent(byteCount: jsonRequest.count)),
                    at(400, .requestEnd),
                    at(6_000, head(201, "Created", [("Content-Type", "application/json"), ("Content-Length", String(json.count))])),
                    at(6_100, .responseBodyChunk(json)),
                    at(6_100, .responseEnd(trailers: nil)),
                ]),
        ]
    }

    /// Records every sample exchange into a new cassette at `path` (no redaction), 10 ms apart,
    /// and closes it.
    static func write(at path: String) throws {
        let cassette = try Cassette(path: path, configuration: CassetteConfiguration(redactor: .none))
        for (index, exchange) in try exchanges().enumerated() {
            let started = Date(timeIntervalSince1970: Double(startMicros + Int64(index) * 10_000) / 1_000_000)
            let writer = try cassette.beginExchange(exchange.request, startedAt: started, metadata: exchange.metadata)
            for entry in exchange.entries {
                try writer.append(entry.event, atOffsetMicros: entry.offsetMicros)
            }
        }
        try cassette.close()
    }
}
