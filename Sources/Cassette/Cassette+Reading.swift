import Foundation
import GRDB
import HTTPTypes
public import TapeCore

extension Cassette {
    /// Every complete exchange, in recorded order. Exchanges still being written are not listed.
    ///
    /// - Throws: ``CassetteError`` if the file cannot be read or a row is malformed.
    public func exchanges() throws(CassetteError) -> [ExchangeSummary] {
        try read("list the exchanges of") { db in
            try Row.fetchAll(db, sql: Self.summarySQL + " WHERE e.complete = 1 ORDER BY e.id").map(Self.summary(from:))
        }
    }

    /// The number of complete exchanges.
    public func exchangeCount() throws(CassetteError) -> Int {
        try read("count the exchanges of") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange WHERE complete = 1") ?? 0
        }
    }

    /// The summary of exchange `id`.
    ///
    /// - Throws: ``CassetteError/Code/exchangeNotFound`` if no complete exchange has that id.
    public func summary(of id: ExchangeID) throws(CassetteError) -> ExchangeSummary {
        try read("read exchange \(id) of") { db in try Self.fetchSummary(id, in: db, path: path) }
    }

    /// The request of exchange `id`, body included (after redaction).
    public func request(of id: ExchangeID) throws(CassetteError) -> ExchangeRequest {
        try read("read exchange \(id) of") { db in
            guard let row = try Row.fetchOne(
                db, sql: Self.requestSQL + " WHERE id = ? AND complete = 1", arguments: [id.rawValue])
            else { throw Self.notFound(id, path: path) }
            return try Self.recordedRequest(from: row, includingBody: true, in: db).request
        }
    }

    /// The whole timeline of exchange `id`, every body byte in memory.
    ///
    /// For large bodies use ``events(of:)``, which streams.
    ///
    /// - Throws: ``CassetteError/Code/exchangeNotFound``, or ``CassetteError/Code/invalidExchange``
    ///   if the stored events do not form a valid timeline.
    public func timeline(of id: ExchangeID) throws(CassetteError) -> Timeline {
        // One read transaction for the row, the request body and every event.
        let (request, entries) = try read("read exchange \(id) of") { db in
            let summary = try Self.fetchSummary(id, in: db, path: path)
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.requestSQL + " WHERE id = ?"), arguments: [id.rawValue]) else {
                throw Self.notFound(id, path: path)
            }
            let request = try Self.recordedRequest(from: row, includingBody: true, in: db).request
            return (request, try Self.entries(of: summary, in: db))
        }
        do {
            return try Timeline(request: request, entries: entries)
        } catch {
            throw CassetteError(
                code: .invalidExchange,
                message: "Exchange \(id) in \(path) is not a valid timeline: \(error.message) "
                    + "Run `xhrtape verify` on the cassette, and re-record the exchange.",
                cause: error)
        }
    }

    /// A cursor over the events of exchange `id` that reads them from the file a bounded batch
    /// at a time, so a body of any size streams in little memory.
    ///
    /// - Throws: ``CassetteError/Code/exchangeNotFound`` if no complete exchange has that id.
    public func events(of id: ExchangeID) throws(CassetteError) -> TimelineCursor {
        TimelineCursor(cassette: self, summary: try summary(of: id))
    }

    /// The requests of every complete exchange, for ``RequestMatcher``.
    ///
    /// - Parameter includingBodies: Whether to load request bodies (needed to match on bodies).
    public func recordedRequests(includingBodies: Bool) throws(CassetteError) -> [RecordedRequest] {
        try read("read the requests of") { db in
            try Row.fetchAll(db, sql: Self.requestSQL(includingBody: includingBodies) + " WHERE complete = 1 ORDER BY id")
                .map { row in try Self.recordedRequest(from: row, includingBody: includingBodies, in: db) }
        }
    }

    /// The events of the complete exchanges with ids from `first` up to (not including)
    /// `first + idCount` whose bodies are at most `maxBodyBytes`, in one read transaction:
    /// how replay reads ahead the small exchanges it is likely to serve next.
    func smallTimelines(from first: ExchangeID, idCount: Int, maxBodyBytes: Int64) throws(CassetteError) -> [ExchangeID: [Timeline.Entry]] {
        try read("read exchanges from \(first) of") { db in
            let summaries = try Row.fetchCursor(
                db.cachedStatement(sql: Self.summarySQL + " WHERE e.id >= ? AND e.id < ? AND e.complete = 1 AND e.body_length <= ?"),
                arguments: [first.rawValue, first.rawValue + Int64(idCount), maxBodyBytes])
            var timelines: [ExchangeID: [Timeline.Entry]] = [:]
            while let row = try summaries.next() {
                let summary = try Self.summary(from: row)
                timelines[summary.id] = try Self.entries(of: summary, in: db)
            }
            return timelines
        }
    }

    /// Every event of the exchange `summary` describes, in order.
    private static func entries(of summary: ExchangeSummary, in db: Database) throws -> [Timeline.Entry] {
        let id = summary.id.rawValue
        var entries: [Timeline.Entry] = []
        entries.reserveCapacity(summary.eventCount)
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT \(EventChunkReader.columns) FROM event WHERE id >= ? AND id < ? ORDER BY id"),
            arguments: [CassetteSchema.eventKey(exchange: id, sequence: 0), CassetteSchema.eventKey(exchange: id + 1, sequence: 0)])
        var reader = EventChunkReader(db)
        defer { reader.close() }
        while let row = try rows.next() {
            entries.append(try reader.entry(from: row, summary: summary))
        }
        return entries
    }

    /// The response body length of every complete exchange.
    func responseBodyLengths() throws(CassetteError) -> [ExchangeID: Int64] {
        try read("read the exchanges of") { db in
            var lengths: [ExchangeID: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, body_length FROM exchange WHERE complete = 1")
            while let row = try rows.next() {
                lengths[ExchangeID(rawValue: row[0])] = row[1] ?? 0
            }
            return lengths
        }
    }

    // MARK: - Rows

    static let summarySQL = """
        SELECT e.id, e.started_at, e.method, e.url, e.request_version, e.request_headers,
               CASE WHEN typeof(e.request_body) = 'blob' AND length(e.request_body) = 0
                    THEN (SELECT coalesce(sum(length(ev.data)), 0) FROM event ev
                          WHERE ev.id >= e.id << 32 AND ev.id < (e.id + 1) << 32 AND ev.kind = 0)
                    ELSE length(e.request_body) END AS request_body_length, e.status, e.reason, e.response_version,
               e.response_headers, e.body_length, e.event_count, e.duration, e.trailers, e.failure_code,
               e.failure_message, e.tls, e.client_address, e.upstream_address, s.tool_version
        FROM exchange e LEFT JOIN session s ON s.id = e.session
        """

    static let requestSQL = requestSQL(includingBody: true)

    static func requestSQL(includingBody: Bool) -> String {
        "SELECT id, method, url, request_version, request_headers, failure_code\(includingBody ? ", request_body" : "") FROM exchange"
    }

    static func fetchSummary(_ id: ExchangeID, in db: Database, path: String) throws -> ExchangeSummary {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: summarySQL + " WHERE e.id = ? AND e.complete = 1"), arguments: [id.rawValue])
        else {
            throw notFound(id, path: path)
        }
        return try summary(from: row)
    }

    static func notFound(_ id: ExchangeID, path: String) -> CassetteError {
        CassetteError(
            code: .exchangeNotFound,
            message: "\(path) has no complete exchange \(id). List the exchanges with `xhrtape ls \(path)`.")
    }

    static func malformed(_ id: Int64, _ what: String) -> CassetteError {
        CassetteError(
            code: .invalidExchange,
            message: "Exchange #\(id) has \(what). Run `xhrtape verify` on the cassette, and re-record the exchange.")
    }

    static func summary(from row: Row) throws -> ExchangeSummary {
        let id: Int64 = row["id"]
        guard let requestVersion = HTTPVersion(storedValue: row["request_version"]) else {
            throw malformed(id, "an unknown request HTTP version")
        }
        guard let requestFields = HeaderBlock.decode(row["request_headers"]) else {
            throw malformed(id, "malformed request headers")
        }
        var response: ResponseHead?
        if let status: Int = row["status"] {
            guard let version = HTTPVersion(storedValue: row["response_version"] ?? -1),
                  let fields = HeaderBlock.decode(row["response_headers"])
            else { throw malformed(id, "a malformed response head") }
            response = ResponseHead(version: version, status: status, reasonPhrase: row["reason"] ?? "", headerFields: fields)
        }
        let outcome: ExchangeSummary.Outcome
        if let codeName: String = row["failure_code"] {
            let message: String = row["failure_message"] ?? ""
            if let code = TransportFailure.Code(name: codeName) {
                outcome = .failed(TransportFailure(code, message: message))
            } else {
                // A failure kind from a newer recorder: keep it visible in the message.
                outcome = .failed(TransportFailure(.protocolError, message: "[\(codeName)] \(message)"))
            }
        } else {
            outcome = .completed(trailers: try trailers(from: row["trailers"], exchange: id))
        }
        return ExchangeSummary(
            id: ExchangeID(rawValue: id),
            startedAt: Date(microsecondsSince1970: row["started_at"]),
            request: RequestHead(method: row["method"], url: row["url"], version: requestVersion, headerFields: requestFields),
            requestBodyLength: row["request_body_length"] ?? 0,
            response: response,
            responseBodyLength: row["body_length"],
            outcome: outcome,
            durationMicros: row["duration"] ?? 0,
            eventCount: row["event_count"],
            metadata: ExchangeMetadata(
                clientAddress: row["client_address"], upstreamAddress: row["upstream_address"], usesTLS: row["tls"]),
            toolVersion: row["tool_version"] ?? "unknown")
    }

    /// Decodes the `trailers` column: NULL is no trailers, empty text an empty list, a blob a
    /// ``HeaderBlock``.
    private static func trailers(from value: DatabaseValue, exchange id: Int64) throws -> HTTPFields? {
        switch value.storage {
        case .null:
            return nil
        case .string(let text) where text.isEmpty:
            return HTTPFields()
        case .blob(let data):
            guard let fields = HeaderBlock.decode(data) else { throw malformed(id, "malformed trailers") }
            return fields
        default:
            throw malformed(id, "malformed trailers")
        }
    }

    /// A request body recorded as it streamed (schema v2): the bytes of the exchange's
    /// `requestBodySent` events, in order.
    static func streamedRequestBody(of id: Int64, in db: Database) throws -> [UInt8] {
        var body: [UInt8] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT data FROM event WHERE id >= ? AND id < ? AND kind = ? ORDER BY id"),
            arguments: [CassetteSchema.eventKey(exchange: id, sequence: 0), CassetteSchema.eventKey(exchange: id + 1, sequence: 0),
                        StoredEventKind.requestBodySent.rawValue])
        while let row = try rows.next() {
            try row.withUnsafeData(atIndex: 0) { data in if let data { body.append(contentsOf: data) } }
        }
        return body
    }

    /// The request of `row` (from ``requestSQL``); a streamed body is read from `db`.
    static func recordedRequest(from row: Row, includingBody: Bool, in db: Database? = nil) throws -> RecordedRequest {
        let id: Int64 = row["id"]
        guard let version = HTTPVersion(storedValue: row["request_version"]) else {
            throw malformed(id, "an unknown request HTTP version")
        }
        guard let fields = HeaderBlock.decode(row["request_headers"]) else {
            throw malformed(id, "malformed request headers")
        }
        var body: [UInt8] = []
        if includingBody {
            let stored: DatabaseValue = row["request_body"]
            if case .blob(let bytes) = stored.storage, bytes.isEmpty, let db {
                body = try streamedRequestBody(of: id, in: db)
            } else {
                body = try row.withUnsafeData(named: "request_body") { $0.map { [UInt8]($0) } ?? [] }
            }
        }
        let failureCode: String? = row["failure_code"]
        return RecordedRequest(
            id: ExchangeID(rawValue: id),
            request: ExchangeRequest(
                head: RequestHead(method: row["method"], url: row["url"], version: version, headerFields: fields),
                body: body),
            clientGaveUp: failureCode == TransportFailure.Code.clientGaveUp.name)
    }
}
