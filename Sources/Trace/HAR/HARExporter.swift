public import Cassette
import ContentCoding
public import Foundation
import HTTPTypes
public import TapeCore

/// Writes a cassette as a HAR 1.2 file that DevTools, Playwright and HAR viewers read.
///
/// Each complete exchange becomes one entry, in recorded order (redirect hops are separate
/// exchanges in a cassette, so each is an entry with its `redirectURL`). What HAR has no place for
/// goes into the `_xhrtape…` extension fields described on ``HARDocument``, so that
/// ``HARImporter`` restores the cassette exactly: header order and case, the reason phrase, the
/// body bytes before content decoding, every chunk's arrival time and byte range, upload
/// progress, trailers and failures.
///
/// - `startedDateTime`: the recorder's wall-clock start, with microseconds.
/// - `timings`: `blocked`, `dns`, `connect` and `ssl` are -1 (a cassette does not split
///   connection setup out); `send` runs to the request's end, `wait` to the response head,
///   `receive` to the response's end or failure; `time` is their sum, the exchange's duration.
/// - `content`: the body after content decoding (as HAR asks), as UTF-8 `text` when it is
///   valid UTF-8, else base64 with `encoding: "base64"`. With `Content-Encoding` set,
///   `_xhrtapeEncodedBody` holds the stored bytes; a body that cannot be decoded is written
///   undecoded, in base64.
/// - A failed exchange has status 0 and Chromium's `_error` field with the failure's message.
/// - Cookies stay in the `Cookie`/`Set-Cookie` headers (already redacted by the cassette); the
///   cookie lists are empty.
public struct HARExporter: Sendable {
    /// The `creator` written into the file.
    public var creator: HARDocument.Creator

    /// Creates an exporter.
    ///
    /// - Parameter creatorVersion: The version written as `log.creator.version`.
    public init(creatorVersion: String = "1") {
        self.creator = HARDocument.Creator(name: "xhrtape", version: creatorVersion)
    }

    /// The HAR document for every complete exchange of `cassette`.
    ///
    /// Bodies are held in memory, one exchange at a time while converting and all of them in the
    /// document: HAR is one JSON value.
    ///
    /// - Throws: ``CassetteError`` if the cassette cannot be read.
    public func document(from cassette: Cassette) throws(CassetteError) -> HARDocument {
        var entries: [HARDocument.Entry] = []
        for summary in try cassette.exchanges() {
            entries.append(entry(for: summary, timeline: try cassette.timeline(of: summary.id)))
        }
        return HARDocument(log: HARDocument.Log(creator: creator, entries: entries))
    }

    /// The JSON text of `document`: pretty-printed with sorted keys, so exports diff cleanly.
    public static func encode(_ document: HARDocument) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(document)
        } catch {
            preconditionFailure("HARDocument holds only strings and finite numbers, yet encoding failed: \(error)")
        }
    }

    /// The entry for one exchange.
    public func entry(for summary: ExchangeSummary, timeline: Timeline) -> HARDocument.Entry {
        var events: [HARDocument.Event] = []
        var chunks: [HARDocument.Chunk] = []
        var body: [UInt8] = []
        var trailers: [HARDocument.NameValue]?
        var requestEndAt: Int64?
        var headAt: Int64?
        var head: ResponseHead?
        var failure: TransportFailure?
        for entry in timeline.entries {
            let at = entry.offsetMicros
            switch entry.event {
            case .requestBodySent(let count):
                events.append(HARDocument.Event(kind: .requestBodySent, atMicros: at, length: count))
            case .requestEnd:
                requestEndAt = at
                events.append(HARDocument.Event(kind: .requestEnd, atMicros: at))
            case .responseHead(let received):
                headAt = at
                head = received
                events.append(HARDocument.Event(kind: .responseHead, atMicros: at))
            case .responseBodyChunk(let bytes):
                chunks.append(HARDocument.Chunk(atMicros: at, offset: Int64(body.count), length: Int64(bytes.count)))
                body += bytes
            case .responseEnd(let fields):
                trailers = fields.map(Self.pairs)
                events.append(HARDocument.Event(kind: .responseEnd, atMicros: at))
            case .failure(let failed):
                failure = failed
                events.append(HARDocument.Event(kind: .failure, atMicros: at, code: failed.code.name, message: failed.message))
            }
        }

        let end = timeline.durationMicros
        let headOrEnd = headAt ?? end
        let sendEnd = min(requestEndAt ?? headOrEnd, headOrEnd)
        let timings = HARDocument.Timings(
            send: Self.millis(sendEnd), wait: Self.millis(headOrEnd - sendEnd), receive: Self.millis(end - headOrEnd))

        let request = timeline.request
        let response: HARDocument.Response
        if let head {
            response = HARDocument.Response(
                status: head.status, statusText: head.reasonPhrase, httpVersion: head.version.description,
                headers: Self.pairs(head.headerFields), content: Self.content(body: body, head: head),
                redirectURL: head.headerFields[.location] ?? "", headersSize: -1, bodySize: body.count,
                error: failure?.message)
        } else {
            response = HARDocument.Response(
                status: 0, statusText: "", httpVersion: "", headers: [],
                content: HARDocument.Content(size: 0, compression: nil, mimeType: "x-unknown", text: "", encoding: nil, xhrtapeEncodedBody: nil),
                redirectURL: "", headersSize: -1, bodySize: -1, error: failure?.message)
        }
        return HARDocument.Entry(
            startedDateTime: HARDateTime.format(microsecondsSince1970: Self.micros(summary.startedAt)),
            time: Self.millis(end),
            request: HARDocument.Request(
                method: request.head.method, url: request.head.url, httpVersion: request.head.version.description,
                headers: Self.pairs(request.head.headerFields), queryString: Self.queryString(of: request.head.url),
                postData: Self.postData(request), headersSize: -1, bodySize: request.body.count),
            response: response,
            timings: timings,
            serverIPAddress: summary.metadata.upstreamAddress.map(Self.host(ofAddress:)),
            xhrtapeChunks: chunks,
            xhrtape: HARDocument.Extension(
                events: events, trailers: trailers,
                clientAddress: summary.metadata.clientAddress, upstreamAddress: summary.metadata.upstreamAddress))
    }

    // MARK: - Pieces

    /// The response body as HAR's `content`: decoded if `Content-Encoding` says so and it can be.
    private static func content(body: [UInt8], head: ResponseHead) -> HARDocument.Content {
        let mimeType = head.headerFields[.contentType] ?? "x-unknown"
        let codings = HARContentCodings(head.headerFields)
        guard !codings.tokens.isEmpty else {
            let (text, encoding) = textOrBase64(body)
            return HARDocument.Content(size: body.count, compression: nil, mimeType: mimeType, text: text, encoding: encoding, xhrtapeEncodedBody: nil)
        }
        let wire = Data(body).base64EncodedString()
        guard let decoded = codings.decode(body) else {
            return HARDocument.Content(size: body.count, compression: nil, mimeType: mimeType, text: wire, encoding: "base64", xhrtapeEncodedBody: wire)
        }
        let (text, encoding) = textOrBase64(decoded)
        return HARDocument.Content(
            size: decoded.count, compression: decoded.count - body.count, mimeType: mimeType, text: text, encoding: encoding,
            xhrtapeEncodedBody: wire)
    }

    private static func postData(_ request: ExchangeRequest) -> HARDocument.PostData? {
        guard !request.body.isEmpty else { return nil }
        let mimeType = request.head.headerFields[.contentType] ?? "application/octet-stream"
        if let text = String(validating: request.body, as: UTF8.self) {
            return HARDocument.PostData(mimeType: mimeType, text: text)
        }
        return HARDocument.PostData(
            mimeType: mimeType, text: String(decoding: request.body, as: UTF8.self),
            xhrtapeBody: Data(request.body).base64EncodedString())
    }

    private static func textOrBase64(_ bytes: [UInt8]) -> (text: String, encoding: String?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        return (Data(bytes).base64EncodedString(), "base64")
    }

    private static func pairs(_ fields: HTTPFields) -> [HARDocument.NameValue] {
        fields.wirePairs.map { HARDocument.NameValue(name: $0.name, value: $0.value) }
    }

    /// The URL's query parameters, percent-decoded (`+` as a space), as DevTools lists them.
    static func queryString(of url: String) -> [HARDocument.NameValue] {
        guard let question = url.firstIndex(of: "?") else { return [] }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                String(decoding: PercentEncoding.decode(Array(part.utf8).map { $0 == 0x2B ? 0x20 : $0 }), as: UTF8.self)
            }
            return HARDocument.NameValue(name: decoded(parts[0]), value: parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    /// `127.0.0.1` of `127.0.0.1:8080`, `::1` of `[::1]:8080`.
    private static func host(ofAddress address: String) -> String {
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<close])
        }
        if address.filter({ $0 == ":" }).count == 1, let colon = address.firstIndex(of: ":") {
            return String(address[..<colon])
        }
        return address
    }

    static func millis(_ micros: Int64) -> Double {
        Double(micros) / 1000
    }

    private static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
