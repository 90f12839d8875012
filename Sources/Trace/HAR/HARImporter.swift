public import Cassette
public import Foundation
import HTTPTypes
public import TapeCore

/// Reads HAR 1.2 files (xhrtape's own, Chromium DevTools, Playwright's `recordHar`, Polly.js)
/// into cassette exchanges.
///
/// Each entry becomes one exchange, started at its `startedDateTime`. The request and response
/// heads keep header order and case; HTTP/2 pseudo-headers (`:authority` …) are left out.
///
/// **Bodies.** `content.text` (base64 when `encoding` is `base64`) is the decoded body, as HAR
/// asks, while a cassette stores the bytes that crossed the wire. xhrtape's
/// `_xhrtapeEncodedBody` gives those bytes exactly. Without it, when the response has a
/// `Content-Encoding`: a body that already decodes with those codings is stored as is; otherwise
/// it is encoded again with them (gzip, deflate, br), or, for a coding xhrtape cannot produce,
/// the `Content-Encoding` field is dropped; in both cases `Content-Length`, if present, is set to
/// the stored length, so the replayed head describes the replayed body.
///
/// **Timing.** With xhrtape's `_xhrtape` and `_xhrtapeChunks` fields the timeline is restored to
/// the microsecond. Without them it is rebuilt from `timings` (milliseconds; -1 counts as 0):
/// the request ends after `blocked + dns + connect + send` (with one request-body event of the
/// whole body just before, if there is one), the head arrives `wait` later, and the body arrives
/// in pieces of ``reconstructedChunkBytes`` spread evenly over `receive`, the last piece and the
/// response end at its end. `ssl` is part of `connect` in HAR and not added again. A lone
/// `_xhrtapeChunks` without `_xhrtape` keeps its chunks and rebuilds the rest; `_xhrtape` without
/// `_xhrtapeChunks` gets the whole body in one piece at the terminal event.
///
/// **Failures.** Status 0 (DevTools) or -1 (Playwright), a request that got no response, becomes a failure at the
/// end of the rebuilt timings, with its kind read from `_error` / `_failureText`
/// (`net::ERR_CONNECTION_REFUSED` → connection refused …). Interim 1xx entries (a WebSocket's
/// 101) cannot be exchanges; ``importDocument(_:into:)`` skips and reports them.
///
/// Malformed input gives ``HARImportError`` naming the JSON path of the offending value.
public struct HARImporter: Sendable {
    /// The size of the pieces a body is cut into when the file has no chunk data: 16 KiB.
    public static let reconstructedChunkBytes = 16 << 10

    /// What an import did.
    public struct Outcome: Sendable {
        /// The exchanges written, in file order.
        public var imported: [ExchangeID] = []
        /// Entries left out, with the reason (``HARImportError/Code/unsupportedEntry``).
        public var skipped: [HARImportError] = []
    }

    /// One entry as a cassette exchange.
    public struct Exchange: Sendable {
        /// When the request was issued.
        public var startedAt: Date
        /// The request and every event.
        public var timeline: Timeline
        /// Addresses and TLS.
        public var metadata: ExchangeMetadata
    }

    /// Creates an importer.
    public init() {}

    /// Parses a HAR file.
    ///
    /// - Throws: ``HARImportError`` with code ``HARImportError/Code/notJSON`` or
    ///   ``HARImportError/Code/malformed`` and the path of the bad value.
    public static func decode(_ data: Data) throws(HARImportError) -> HARDocument {
        do {
            return try JSONDecoder().decode(HARDocument.self, from: data)
        } catch let error as DecodingError {
            throw explain(error)
        } catch {
            throw HARImportError(code: .notJSON, jsonPath: "$", message: "The file could not be read as JSON: \(error).", cause: error)
        }
    }

    /// Writes every entry of `document` into `cassette`, in file order.
    ///
    /// Entries that cannot be exchanges are skipped and listed in the outcome; any other bad
    /// entry stops the import with an error (exchanges before it stay written).
    ///
    /// - Throws: ``HARImportError`` naming the entry's path.
    public func importDocument(_ document: HARDocument, into cassette: Cassette) throws(HARImportError) -> Outcome {
        var outcome = Outcome()
        for (index, entry) in document.log.entries.enumerated() {
            let path = "$.log.entries[\(index)]"
            let exchange: Exchange
            do {
                exchange = try self.exchange(from: entry, at: path)
            } catch where error.code == .unsupportedEntry {
                outcome.skipped.append(error)
                continue
            }
            do {
                let writer = try cassette.beginExchange(exchange.timeline.request, startedAt: exchange.startedAt, metadata: exchange.metadata)
                for item in exchange.timeline.entries {
                    try writer.append(item.event, atOffsetMicros: item.offsetMicros)
                }
                outcome.imported.append(writer.id)
            } catch {
                throw .cassette(error, at: path)
            }
        }
        return outcome
    }

    /// The exchange for one entry.
    ///
    /// - Parameters:
    ///   - entry: The entry.
    ///   - path: Its JSON path, for errors (`$.log.entries[3]`).
    /// - Throws: ``HARImportError``.
    public func exchange(from entry: HARDocument.Entry, at path: String) throws(HARImportError) -> Exchange {
        guard let startMicros = HARDateTime.parse(entry.startedDateTime) else {
            throw HARImportError(
                code: .invalidValue, jsonPath: path + ".startedDateTime",
                message: "\"\(entry.startedDateTime)\" is not an ISO 8601 date and time such as 2026-01-31T12:00:00.000Z.")
        }
        let status = entry.response.status
        if (100...199).contains(status) {
            throw HARImportError(
                code: .unsupportedEntry, jsonPath: path + ".response.status",
                message: "An interim \(status) response (a protocol switch such as a WebSocket) is not an HTTP exchange a cassette can replay; skipped.")
        }
        guard status <= 0 || (200...999).contains(status) else {
            throw HARImportError(code: .invalidValue, jsonPath: path + ".response.status", message: "\(status) is not an HTTP status code.")
        }
        let request = try self.request(entry.request, at: path + ".request")
        var entries: [Timeline.Entry]
        if status <= 0 {
            entries = [Timeline.Entry(offsetMicros: reconstructed(entry.timings).end, event: .failure(failure(of: entry.response)))]
        } else {
            let head = try responseHead(entry.response, at: path + ".response")
            let (finalHead, body) = try responseBody(entry.response.content, head: head, at: path + ".response.content")
            let chunks = try storedChunks(entry.xhrtapeChunks, bodyLength: body.count, at: path + "._xhrtapeChunks")
            if let xhrtape = entry.xhrtape {
                entries = try events(xhrtape, head: finalHead, at: path + "._xhrtape")
                // Chunk data removed by hand: the body arrives whole just before the end.
                let whole = body.isEmpty ? [] : [HARDocument.Chunk(atMicros: entries.last?.offsetMicros ?? 0, offset: 0, length: Int64(body.count))]
                entries = merge(entries, chunks: chunks ?? whole, body: body)
            } else {
                entries = rebuilt(entry.timings, requestBody: request.body, head: finalHead, chunks: chunks, body: body)
            }
        }
        let timeline: Timeline
        do {
            timeline = try Timeline(request: request, entries: entries)
        } catch {
            throw HARImportError(
                code: .invalidValue, jsonPath: path + (entry.xhrtape == nil ? ".timings" : "._xhrtape.events"),
                message: "The entry's timing does not make a valid exchange: \(error.message)", cause: error)
        }
        let scheme = request.head.url.prefix { $0 != ":" }.lowercased()
        return Exchange(
            startedAt: Date(timeIntervalSince1970: Double(startMicros) / 1_000_000),
            timeline: timeline,
            metadata: ExchangeMetadata(
                clientAddress: entry.xhrtape?.clientAddress, upstreamAddress: entry.xhrtape?.upstreamAddress,
                usesTLS: scheme == "https" || scheme == "wss"))
    }

    // MARK: - Heads and bodies

    private func request(_ request: HARDocument.Request, at path: String) throws(HARImportError) -> ExchangeRequest {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(Self.isTokenByte) else {
            throw HARImportError(code: .invalidValue, jsonPath: path + ".method", message: "\"\(request.method)\" is not an HTTP method.")
        }
        let fields = try Self.fields(request.headers, at: path + ".headers")
        var body: [UInt8] = []
        if let postData = request.postData {
            if let base64 = postData.xhrtapeBody {
                body = try Self.base64(base64, at: path + ".postData._xhrtapeBody")
            } else {
                body = Array((postData.text ?? "").utf8)
            }
        }
        return ExchangeRequest(
            head: RequestHead(method: request.method, url: request.url, version: Self.version(request.httpVersion), headerFields: fields),
            body: body)
    }

    private func responseHead(_ response: HARDocument.Response, at path: String) throws(HARImportError) -> ResponseHead {
        ResponseHead(
            version: Self.version(response.httpVersion), status: response.status, reasonPhrase: response.statusText,
            headerFields: try Self.fields(response.headers, at: path + ".headers"))
    }

    /// The stored (wire) body, and the head adjusted to describe it.
    private func responseBody(
        _ content: HARDocument.Content, head: ResponseHead, at path: String
    ) throws(HARImportError) -> (ResponseHead, [UInt8]) {
        if let wire = content.xhrtapeEncodedBody {
            return (head, try Self.base64(wire, at: path + "._xhrtapeEncodedBody"))
        }
        if content.text == nil, let file = content.playwrightFile {
            throw HARImportError(
                code: .invalidValue, jsonPath: path + "._file",
                message: "The body is in a separate file (\(file)); record the HAR with content \"embed\" "
                    + "(Playwright: record_har_content=\"embed\") so bodies are inside the file.")
        }
        let decoded: [UInt8]
        switch content.encoding {
        case nil, "":
            decoded = Array((content.text ?? "").utf8)
        case "base64":
            decoded = try Self.base64(content.text ?? "", at: path + ".text")
        case let other?:
            throw HARImportError(
                code: .invalidValue, jsonPath: path + ".encoding",
                message: "Unknown content encoding \"\(other)\"; HAR 1.2 knows only base64 (or none, for text).")
        }
        let codings = HARContentCodings(head.headerFields)
        guard !codings.tokens.isEmpty, !decoded.isEmpty, codings.decode(decoded) == nil else { return (head, decoded) }
        var adjusted = head
        if let encoded = codings.encode(decoded) {
            adjusted.headerFields = Self.settingContentLength(of: head.headerFields, to: encoded.count, droppingCoding: false)
            return (adjusted, encoded)
        }
        adjusted.headerFields = Self.settingContentLength(of: head.headerFields, to: decoded.count, droppingCoding: true)
        return (adjusted, decoded)
    }

    private func storedChunks(_ chunks: [HARDocument.Chunk]?, bodyLength: Int, at path: String) throws(HARImportError) -> [HARDocument.Chunk]? {
        guard let chunks else { return nil }
        var expectedOffset: Int64 = 0
        var previousAt: Int64 = 0
        for (index, chunk) in chunks.enumerated() {
            let here = "\(path)[\(index)]"
            guard chunk.offset == expectedOffset else {
                throw HARImportError(
                    code: .invalidValue, jsonPath: here + ".offset",
                    message: "The chunk starts at byte \(chunk.offset), but the chunks before it end at byte \(expectedOffset); chunks must cover the body in order.")
            }
            guard chunk.length > 0, chunk.length <= Int64(bodyLength) - expectedOffset else {
                throw HARImportError(
                    code: .invalidValue, jsonPath: here + ".length",
                    message: "A chunk must hold at least one byte and end within the \(bodyLength)-byte body; this one holds \(chunk.length) from byte \(expectedOffset).")
            }
            guard chunk.atMicros >= previousAt else {
                throw HARImportError(
                    code: .invalidValue, jsonPath: here + ".atMicros",
                    message: "The chunk arrives at \(chunk.atMicros) µs, before the chunk ahead of it (\(previousAt) µs).")
            }
            expectedOffset += chunk.length
            previousAt = chunk.atMicros
        }
        guard expectedOffset == Int64(bodyLength) else {
            throw HARImportError(
                code: .invalidValue, jsonPath: path,
                message: "The chunks cover \(expectedOffset) bytes but the body has \(bodyLength).")
        }
        return chunks
    }

    // MARK: - Timelines

    /// The `_xhrtape` events, without body chunks.
    private func events(_ xhrtape: HARDocument.Extension, head: ResponseHead, at path: String) throws(HARImportError) -> [Timeline.Entry] {
        guard xhrtape.version == 1 else {
            throw HARImportError(
                code: .invalidValue, jsonPath: path + ".version",
                message: "Extension version \(xhrtape.version) is newer than this xhrtape reads (1); update xhrtape.")
        }
        var trailers: HTTPFields?
        if let pairs = xhrtape.trailers {
            trailers = try Self.fields(pairs, at: path + ".trailers")
        }
        var entries: [Timeline.Entry] = []
        for (index, event) in xhrtape.events.enumerated() {
            let here = "\(path).events[\(index)]"
            let timelineEvent: TimelineEvent
            switch event.kind {
            case .requestBodySent:
                guard let length = event.length, length > 0 else {
                    throw HARImportError(code: .invalidValue, jsonPath: here + ".length", message: "A requestBodySent event needs a positive length.")
                }
                timelineEvent = .requestBodySent(byteCount: length)
            case .requestEnd:
                timelineEvent = .requestEnd
            case .responseHead:
                timelineEvent = .responseHead(head)
            case .responseEnd:
                timelineEvent = .responseEnd(trailers: trailers)
            case .failure:
                let message = event.message ?? ""
                let code = event.code.flatMap(TransportFailure.Code.init(name:))
                timelineEvent = .failure(code.map { TransportFailure($0, message: message) }
                    ?? TransportFailure(.protocolError, message: "[\(event.code ?? "unknown")] \(message)"))
            }
            entries.append(Timeline.Entry(offsetMicros: event.atMicros, event: timelineEvent))
        }
        return entries
    }

    /// `events` with the chunks slotted in by time: after the other events at the same
    /// microsecond, before the terminal event.
    private func merge(_ events: [Timeline.Entry], chunks: [HARDocument.Chunk], body: [UInt8]) -> [Timeline.Entry] {
        var merged: [Timeline.Entry] = []
        merged.reserveCapacity(events.count + chunks.count)
        var next = 0
        func chunkEntry(_ chunk: HARDocument.Chunk) -> Timeline.Entry {
            let range = Int(chunk.offset)..<Int(chunk.offset + chunk.length)
            return Timeline.Entry(offsetMicros: chunk.atMicros, event: .responseBodyChunk(Array(body[range])))
        }
        for event in events {
            while next < chunks.count, event.event.isTerminal || chunks[next].atMicros < event.offsetMicros {
                merged.append(chunkEntry(chunks[next]))
                next += 1
            }
            merged.append(event)
        }
        merged += chunks[next...].map(chunkEntry)
        return merged
    }

    /// Offsets in microseconds rebuilt from HAR `timings` (see the type's documentation).
    private func reconstructed(_ timings: HARDocument.Timings) -> (requestEnd: Int64, head: Int64, end: Int64) {
        func micros(_ millis: Double?) -> Int64 {
            guard let millis, millis.isFinite, millis > 0 else { return 0 }
            // At most a year per phase: a bigger value is a broken file, and must not overflow.
            return Int64((min(millis, 31_536_000_000) * 1000).rounded())
        }
        let requestEnd = micros(timings.blocked) + micros(timings.dns) + micros(timings.connect) + micros(timings.send)
        let head = requestEnd + micros(timings.wait)
        return (requestEnd, head, head + micros(timings.receive))
    }

    private func rebuilt(
        _ timings: HARDocument.Timings, requestBody: [UInt8], head: ResponseHead, chunks: [HARDocument.Chunk]?, body: [UInt8]
    ) -> [Timeline.Entry] {
        let (requestEnd, headAt, end) = reconstructed(timings)
        var entries: [Timeline.Entry] = []
        if !requestBody.isEmpty {
            entries.append(Timeline.Entry(offsetMicros: requestEnd, event: .requestBodySent(byteCount: requestBody.count)))
        }
        entries.append(Timeline.Entry(offsetMicros: requestEnd, event: .requestEnd))
        entries.append(Timeline.Entry(offsetMicros: headAt, event: .responseHead(head)))
        var last = end
        if let chunks {
            for chunk in chunks {
                let at = max(chunk.atMicros, headAt)
                entries.append(Timeline.Entry(offsetMicros: at, event: .responseBodyChunk(Array(body[Int(chunk.offset)..<Int(chunk.offset + chunk.length)]))))
                last = max(last, at)
            }
        } else if !body.isEmpty {
            let pieces = (body.count + Self.reconstructedChunkBytes - 1) / Self.reconstructedChunkBytes
            for piece in 1...pieces {
                let range = (piece - 1) * Self.reconstructedChunkBytes..<min(body.count, piece * Self.reconstructedChunkBytes)
                let at = headAt + (end - headAt) * Int64(piece) / Int64(pieces)
                entries.append(Timeline.Entry(offsetMicros: at, event: .responseBodyChunk(Array(body[range]))))
            }
        }
        entries.append(Timeline.Entry(offsetMicros: last, event: .responseEnd(trailers: nil)))
        return entries
    }

    /// The failure of an entry without a response, from Chromium's `_error` or Playwright's `_failureText`.
    private func failure(of response: HARDocument.Response) -> TransportFailure {
        let text = response.chromeError ?? response.playwrightFailureText ?? ""
        let upper = text.uppercased()
        let code: TransportFailure.Code =
            if upper.contains("REFUSED") { .connectionRefused }
            else if upper.contains("NAME_NOT_RESOLVED") || upper.contains("DNS") { .dns }
            else if upper.contains("RESET") || upper.contains("CLOSED") || upper.contains("EMPTY_RESPONSE") { .connectionReset }
            else if upper.contains("TIMED_OUT") || upper.contains("TIMEOUT") { .timedOut }
            else if upper.contains("ABORTED") || upper.contains("CANCEL") { .aborted }
            else if upper.contains("CERT") || upper.contains("SSL") || upper.contains("TLS") { .tls }
            else { .protocolError }
        return TransportFailure(code, message: text.isEmpty ? "The HAR entry has status 0: no response arrived." : text)
    }

    // MARK: - Values

    private static func fields(_ pairs: [HARDocument.NameValue], at path: String) throws(HARImportError) -> HTTPFields {
        var fields = HTTPFields()
        for (index, pair) in pairs.enumerated() where !pair.name.hasPrefix(":") {
            guard let name = HTTPField.Name(pair.name) else {
                throw HARImportError(
                    code: .invalidValue, jsonPath: "\(path)[\(index)].name",
                    message: "\"\(pair.name)\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only).")
            }
            fields.append(HTTPField(name: name, lenientValue: Array(pair.value.utf8)))
        }
        return fields
    }

    /// `fields` with `Content-Length` (if any) set to `length`, and without `Content-Encoding` if asked.
    private static func settingContentLength(of fields: HTTPFields, to length: Int, droppingCoding: Bool) -> HTTPFields {
        var result = HTTPFields()
        for field in fields {
            if droppingCoding, field.name == .contentEncoding { continue }
            result.append(field.name == .contentLength ? HTTPField(name: field.name, value: String(length)) : field)
        }
        return result
    }

    private static func base64(_ text: String, at path: String) throws(HARImportError) -> [UInt8] {
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else {
            throw HARImportError(code: .invalidValue, jsonPath: path, message: "The value is not valid base64.")
        }
        return [UInt8](data)
    }

    /// `HTTP/1.1`, `http/1.1`, `h2`, `h3`; HTTP/1.1 for anything else (Polly writes `HTTP/1.1`; some tools write nothing).
    private static func version(_ text: String) -> HTTPVersion {
        switch text.lowercased() {
        case "h2", "http/2", "http/2.0": .http2
        case "h3", "http/3", "http/3.0": HTTPVersion(major: 3, minor: 0)
        default: HTTPVersion(text.uppercased()) ?? .http1_1
        }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// An import error for a decoding failure, with its JSON path.
    private static func explain(_ error: DecodingError) -> HARImportError {
        switch error {
        case .keyNotFound(let key, let context):
            return HARImportError(
                code: .malformed, jsonPath: HARImportError.jsonPath(context.codingPath + [key]),
                message: "The required field \"\(key.stringValue)\" is missing (HAR 1.2).", cause: error)
        case .typeMismatch(let type, let context):
            return HARImportError(
                code: .malformed, jsonPath: HARImportError.jsonPath(context.codingPath),
                message: "Expected \(jsonTypeName(type)) here. \(context.debugDescription)", cause: error)
        case .valueNotFound(let type, let context):
            return HARImportError(
                code: .malformed, jsonPath: HARImportError.jsonPath(context.codingPath),
                message: "Expected \(jsonTypeName(type)) here, found null.", cause: error)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return HARImportError(
                    code: .notJSON, jsonPath: "$",
                    message: "The file is not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription)). Is it a HAR file?",
                    cause: error)
            }
            return HARImportError(
                code: .invalidValue, jsonPath: HARImportError.jsonPath(context.codingPath),
                message: context.debugDescription, cause: error)
        @unknown default:
            return HARImportError(code: .malformed, jsonPath: "$", message: "\(error)", cause: error)
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
