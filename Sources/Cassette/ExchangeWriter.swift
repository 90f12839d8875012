public import Foundation
import GRDB
import GRDBSQLite
import HTTPTypes
public import TapeCore

/// Records one exchange into a cassette as its events arrive.
///
/// Get one from ``Cassette/beginExchange(_:startedAt:metadata:)`` and hand it every event with
/// ``append(_:atOffsetMicros:)``. Events are buffered up to
/// ``CassetteConfiguration/flushThresholdBytes`` and then written, so memory stays bounded; the
/// terminal event (response end or failure) writes the rest and makes the exchange visible in one
/// transaction. Until then readers do not see it, and if the process dies first the next writer
/// removes it. ``abandon()`` drops an exchange that will not finish (a cancelled request).
///
/// Redaction happens here, before anything is written (see ``Redactor``). Events are checked
/// against the rules of `Timeline` as they come; a transport that breaks them gets
/// ``CassetteError/Code/invalidTimeline`` and its exchange is dropped. A zero-byte body chunk is
/// not an event and is skipped.
///
/// Many writers may be open at once on one cassette, each in its own context (a scheduler, an
/// event loop, a thread): a writer belongs to the context that began it, while the cassette
/// serialises their transactions.
public final class ExchangeWriter {
    /// The exchange's id, fixed when it began: ids follow the order requests were issued.
    public let id: ExchangeID
    /// The request as it is stored, after redaction.
    public let request: ExchangeRequest

    private let cassette: Cassette
    private let session: Int64
    private let startedAt: Date
    private let metadata: ExchangeMetadata
    private let redactor: Redactor

    private struct PendingEvent: Sendable {
        enum Payload: Sendable {
            case none
            case count(Int)
            case bytes([UInt8])
        }

        var offset: Int64
        var kind: StoredEventKind
        var payload: Payload
    }

    private var pending: [PendingEvent] = []
    private var pendingBytes = 0
    private var nextSequence: Int64 = 0
    private var lastOffset: Int64 = 0
    private var rowWritten = false
    private var sawRequestEnd = false
    private var head: ResponseHead?
    private var bodyPlan = Redactor.ResponseBodyPlan.passThrough
    private var bufferedBodyBytes = 0
    private var bodyLength: Int64 = 0
    private var superseded: [ExchangeID] = []
    /// The request body arrives with the `requestBodySent` events (``streamRequestBody()``).
    private var requestBodyStreamed = false

    /// True once the exchange has been committed, abandoned or refused; nothing more can be appended.
    public private(set) var isFinished = false

    init(cassette: Cassette, session: Int64, id: Int64, request: ExchangeRequest, startedAt: Date, metadata: ExchangeMetadata) {
        self.cassette = cassette
        self.session = session
        self.id = ExchangeID(rawValue: id)
        self.redactor = cassette.configuration.redactor
        self.request = redactor.redact(request)
        self.startedAt = startedAt
        self.metadata = metadata
    }

    /// Records `event`, which happened `offsetMicros` after the request was issued.
    ///
    /// A terminal event commits the exchange.
    ///
    /// - Throws: ``CassetteError/Code/invalidTimeline`` if the event cannot follow the ones before
    ///   it, ``CassetteError/Code/redactionFailed`` if a response body cannot be redacted, or a
    ///   storage error; in every case the exchange is dropped and ``isFinished`` becomes true.
    public func append(_ event: TimelineEvent, atOffsetMicros offsetMicros: Int64) throws(CassetteError) {
        guard !isFinished else {
            throw invalid("\(event.kindName) at \(offsetMicros) µs arrived after the exchange was finished or dropped")
        }
        do {
            try record(event, at: offsetMicros)
        } catch {
            abandon()
            throw error
        }
    }

    /// Records the request body as it streams: instead of the request's `body`, each
    /// ``appendRequestBody(_:atOffsetMicros:)`` stores the bytes sent with its
    /// `requestBodySent` event (schema v2). Call before the first event.
    public func streamRequestBody() {
        precondition(nextSequence == 0 && pending.isEmpty, "streamRequestBody() after events were recorded")
        requestBodyStreamed = true
    }

    /// Records that `bytes` of a streamed request body (see ``streamRequestBody()``) were sent
    /// `offsetMicros` after the request was issued: a `requestBodySent` event that keeps them.
    ///
    /// - Throws: as ``append(_:atOffsetMicros:)``.
    public func appendRequestBody(_ bytes: [UInt8], atOffsetMicros offsetMicros: Int64) throws(CassetteError) {
        guard !isFinished else {
            throw invalid("request body bytes at \(offsetMicros) µs arrived after the exchange was finished or dropped")
        }
        do throws(CassetteError) {
            guard requestBodyStreamed else { throw invalid("request body bytes came for a request whose body is not streamed") }
            try record(.requestBodySent(byteCount: bytes.count), at: offsetMicros, sentBytes: bytes)
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops the exchange: what was written is deleted and nothing more is recorded. Does nothing
    /// once the exchange is finished.
    public func abandon() {
        guard !isFinished else { return }
        isFinished = true
        pending = []
        guard rowWritten else { return }
        let id = id.rawValue
        // Best effort: if this fails, the row stays incomplete and invisible, and the next writer removes it.
        _ = try? cassette.submitWrite("drop exchange #\(id) from", bytes: 0) { db in try Cassette.deleteExchange(id, in: db) }
    }

    /// Marks previously recorded exchanges to delete in the same transaction that commits this
    /// one (record mode ``RecordMode/all`` replaces what it re-records).
    public func supersede(_ ids: [ExchangeID]) {
        superseded += ids
    }

    // MARK: - Recording

    private func record(_ event: TimelineEvent, at offset: Int64, sentBytes: [UInt8]? = nil) throws(CassetteError) {
        if offset < 0 { throw invalid("\(event.kindName) has a negative offset (\(offset) µs)") }
        if offset < lastOffset { throw invalid("\(event.kindName) at \(offset) µs comes before the previous event (\(lastOffset) µs)") }
        switch event {
        case .requestBodySent(let count):
            if sawRequestEnd { throw invalid("request body bytes were reported after the request ended") }
            if count <= 0 { throw invalid("a request-body event reports \(count) bytes") }
            if let sentBytes {
                enqueue(PendingEvent(offset: offset, kind: .requestBodySent, payload: .bytes(sentBytes)), size: sentBytes.count + 16)
            } else {
                enqueue(PendingEvent(offset: offset, kind: .requestBodySent, payload: .count(count)), size: 16)
            }
        case .requestEnd:
            if sawRequestEnd { throw invalid("the request ended twice") }
            sawRequestEnd = true
            enqueue(PendingEvent(offset: offset, kind: .requestEnd, payload: .none), size: 16)
        case .responseHead(let received):
            if head != nil { throw invalid("a second response head arrived") }
            if (100...199).contains(received.status) { throw invalid("an interim \(received.status) head was reported; only final heads are recorded") }
            let redacted = redactor.redact(received)
            bodyPlan = redactor.responseBodyPlan(for: redacted)
            if case .refuse(let reason) = bodyPlan { throw refused(reason) }
            head = redacted
            enqueue(PendingEvent(offset: offset, kind: .responseHead, payload: .none), size: 16)
        case .responseBodyChunk(let bytes):
            if head == nil { throw invalid("body bytes arrived before the response head") }
            guard !bytes.isEmpty else { return }
            bodyLength += Int64(bytes.count)
            if bodyPlan == .buffer {
                bufferedBodyBytes += bytes.count
                if bufferedBodyBytes > redactor.maximumResponseBodyBytes {
                    throw refused("its body grew past the \(redactor.maximumResponseBodyBytes)-byte redaction limit")
                }
            }
            enqueue(PendingEvent(offset: offset, kind: .responseBodyChunk, payload: .bytes(bytes)), size: bytes.count + 16)
        case .responseEnd(let trailers):
            if head == nil { throw invalid("the response ended without a head") }
            enqueue(PendingEvent(offset: offset, kind: .responseEnd, payload: .none), size: 16)
            try commit(trailers: trailers.map(redactor.redactTrailers), failure: nil, duration: offset)
            return
        case .failure(let failure):
            enqueue(PendingEvent(offset: offset, kind: .failure, payload: .none), size: 16)
            try commit(trailers: nil, failure: failure, duration: offset)
            return
        }
        lastOffset = offset
        if bodyPlan != .buffer, pendingBytes >= cassette.configuration.flushThresholdBytes {
            try flush()
        }
    }

    private func enqueue(_ event: PendingEvent, size: Int) {
        pending.append(event)
        pendingBytes += size
    }

    /// Writes the buffered events, creating the (still incomplete) exchange row first if needed.
    private func flush() throws(CassetteError) {
        let (events, firstSequence, row, needsRow) = (pending, nextSequence, storedRow(), !rowWritten)
        try cassette.submitWrite("record exchange \(id) into", bytes: pendingBytes) { db in
            if needsRow { try Self.insertRow(db, row, complete: false, ending: nil) }
            try Self.insert(events, exchange: row.id, from: firstSequence, in: db)
        }
        rowWritten = true
        nextSequence += Int64(events.count)
        pending = []
        pendingBytes = 0
    }

    /// Writes the rest and marks the exchange complete, in one transaction.
    private func commit(trailers: HTTPFields?, failure: TransportFailure?, duration: Int64) throws(CassetteError) {
        if bodyPlan == .buffer { redactBufferedBody() }
        let (events, firstSequence, row, needsRow, superseded) = (pending, nextSequence, storedRow(), !rowWritten, superseded)
        let ending = Ending(trailers: trailers, failure: failure, duration: duration, eventCount: Int(firstSequence) + events.count)
        try cassette.submitWrite("record exchange \(id) into", bytes: pendingBytes) { db in
            if needsRow {
                try Self.insertRow(db, row, complete: true, ending: ending)
            } else {
                try Self.completeRow(db, row, ending: ending)
            }
            try Self.insert(events, exchange: row.id, from: firstSequence, in: db)
            for old in superseded where old.rawValue != row.id {
                try Cassette.deleteExchange(old.rawValue, in: db)
            }
        }
        isFinished = true
        pending = []
        pendingBytes = 0
    }

    /// Applies the response rules to the held body and cuts it back into the original chunks:
    /// each keeps its time and, as far as the new length allows, its size. `Content-Length`
    /// follows the new length.
    private func redactBufferedBody() {
        guard let head else { return }
        var original: [UInt8] = []
        var sizes: [Int] = []
        for event in pending {
            if case .bytes(let bytes) = event.payload { original += bytes; sizes.append(bytes.count) }
        }
        let redacted = redactor.redactResponseBody(original, head: head)
        guard redacted != original else { return }
        var rebuilt: [PendingEvent] = []
        var cursor = 0
        var chunkIndex = 0
        for event in pending {
            guard case .bytes = event.payload else { rebuilt.append(event); continue }
            chunkIndex += 1
            let end = chunkIndex == sizes.count ? redacted.count : min(redacted.count, cursor + sizes[chunkIndex - 1])
            if end > cursor {
                rebuilt.append(PendingEvent(offset: event.offset, kind: .responseBodyChunk, payload: .bytes(Array(redacted[cursor..<end]))))
            }
            cursor = end
        }
        pending = rebuilt
        bodyLength = Int64(redacted.count)
        if head.headerFields[.contentLength] != nil {
            var fields = HTTPFields()
            for field in head.headerFields {
                fields.append(field.name == .contentLength ? HTTPField(name: field.name, value: String(redacted.count)) : field)
            }
            self.head?.headerFields = fields
        }
    }

    // MARK: - Storage
    //
    // Static, over a snapshot: a write may run on the cassette's writer thread after this
    // writer has moved on (see `Cassette.commitInBackground`).

    /// What the exchange row holds, as of a write.
    private struct StoredRow: Sendable {
        var id: Int64
        var session: Int64
        var startedAt: Date
        var request: ExchangeRequest
        var requestBodyStreamed: Bool
        var head: ResponseHead?
        var bodyLength: Int64
        var metadata: ExchangeMetadata
    }

    /// How the exchange ended.
    private struct Ending: Sendable {
        var trailers: HTTPFields?
        var failure: TransportFailure?
        var duration: Int64
        var eventCount: Int
    }

    private func storedRow() -> StoredRow {
        StoredRow(id: id.rawValue, session: session, startedAt: startedAt, request: request, requestBodyStreamed: requestBodyStreamed,
                  head: head, bodyLength: bodyLength, metadata: metadata)
    }

    private static func insert(_ events: [PendingEvent], exchange id: Int64, from firstSequence: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO event (id, offset_us, kind, data) VALUES (?, ?, ?, ?)")
        for (index, event) in events.enumerated() {
            var binder = StatementBinder(statement, in: db)
            try binder.bind(CassetteSchema.eventKey(exchange: id, sequence: firstSequence + Int64(index)))
            try binder.bind(event.offset)
            try binder.bind(event.kind.rawValue)
            switch event.payload {
            case .none:
                try binder.bind(nil as Int64?)
                try binder.run()
            case .count(let count):
                try binder.bind(count)
                try binder.run()
            case .bytes(let bytes):
                // SQLite reads the chunk in place instead of from two copies (a `Data`, then a
                // transient binding): body chunks are most of what a recording writes, so on a
                // large download this is most of the writer's memory traffic outside SQLite itself.
                try bytes.withUnsafeBytes { raw in
                    try binder.bindBorrowedBlob(raw)
                    try binder.run()
                }
            }
        }
    }

    private static func insertRow(_ db: Database, _ row: StoredRow, complete: Bool, ending: Ending?) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO exchange (
                id, session, complete, started_at, method, url, request_version, request_headers, request_body,
                status, reason, response_version, response_headers, body_length, event_count, duration,
                trailers, failure_code, failure_message, tls, client_address, upstream_address
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let request = row.request
        var binder = StatementBinder(statement, in: db)
        try binder.bind(row.id)
        try binder.bind(row.session)
        try binder.bind(complete)
        try binder.bind(row.startedAt.microsecondsSince1970)
        try binder.bind(request.head.method)
        try binder.bind(request.head.url)
        try binder.bind(request.head.version.storedValue)
        try binder.bind(HeaderBlock.encode(request.head.headerFields))
        if row.requestBodyStreamed {
            // The mark of a body kept in its events (CassetteSchema v2): an empty blob, never NULL.
            try binder.bindEmptyBlob()
        } else {
            try binder.bind(request.body.isEmpty ? nil : Data(request.body))
        }
        try bindEndingColumns(&binder, row, ending)
        try binder.bind(row.metadata.usesTLS)
        try binder.bind(row.metadata.clientAddress)
        try binder.bind(row.metadata.upstreamAddress)
        try binder.run()
    }

    private static func completeRow(_ db: Database, _ row: StoredRow, ending: Ending) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE exchange SET status = ?, reason = ?, response_version = ?, response_headers = ?, body_length = ?,
                event_count = ?, duration = ?, trailers = ?, failure_code = ?, failure_message = ?, complete = 1
            WHERE id = ?
            """)
        var binder = StatementBinder(statement, in: db)
        try bindEndingColumns(&binder, row, ending)
        try binder.bind(row.id)
        try binder.run()
    }

    /// status … failure_message, in table order; an exchange still running has no ending yet.
    private static func bindEndingColumns(_ binder: inout StatementBinder, _ row: StoredRow, _ ending: Ending?) throws {
        let head = row.head
        try binder.bind(head.map { Int64($0.status) })
        try binder.bind(head?.reasonPhrase)
        try binder.bind(head?.version.storedValue)
        try binder.bind(head.flatMap { HeaderBlock.encode($0.headerFields) })
        try binder.bind(row.bodyLength)
        try binder.bind(Int64(ending?.eventCount ?? 0))
        try binder.bind(ending?.duration)
        if let trailers = ending?.trailers {
            // Trailers that came and were empty are an empty text, told apart from none (NULL).
            if let block = HeaderBlock.encode(trailers) { try binder.bind(block) } else { try binder.bind("" as String?) }
        } else {
            try binder.bind(nil as Data?)
        }
        try binder.bind(ending?.failure?.code.name)
        try binder.bind(ending?.failure?.message)
    }

    // MARK: - Errors

    private func invalid(_ what: String) -> CassetteError {
        CassetteError(
            code: .invalidTimeline,
            message: "Exchange \(id) (\(request.head.method) \(request.head.url)) was not recorded: \(what). "
                + "The transport broke the timeline rules; please report it with the request that caused it.")
    }

    private func refused(_ reason: String) -> CassetteError {
        CassetteError(
            code: .redactionFailed,
            message: "Exchange \(id) (\(request.head.method) \(request.head.url)) was not recorded because a response "
                + "redaction rule applies but \(reason). Scope the rule to requests (in: .requests), ask the server "
                + "for an uncompressed body (Accept-Encoding: identity), or raise maximumResponseBodyBytes.")
    }
}

@available(*, unavailable, message: "An ExchangeWriter is used from one context at a time")
extension ExchangeWriter: Sendable {}

extension Cassette {
    /// Starts recording an exchange.
    ///
    /// Nothing is written yet: the exchange reaches the file when its events outgrow the buffer
    /// or when it ends, and becomes visible only when it ends.
    ///
    /// - Parameters:
    ///   - request: The request as issued; it is redacted before it is stored.
    ///   - startedAt: When the request was issued, by the wall clock.
    ///   - metadata: Addresses and TLS.
    /// - Returns: The writer for the exchange's events.
    /// - Throws: ``CassetteError/Code/readOnly`` or ``CassetteError/Code/closed``.
    public func beginExchange(
        _ request: ExchangeRequest, startedAt: Date = Date(), metadata: ExchangeMetadata? = nil
    ) throws(CassetteError) -> ExchangeWriter {
        let (session, id) = try allocateExchange()
        return ExchangeWriter(
            cassette: self, session: session, id: id, request: request, startedAt: startedAt,
            metadata: metadata ?? .inferred(from: request))
    }
}
