import Foundation
import GRDB
public import TapeCore

/// Reads one exchange's events from a cassette in order, a bounded batch at a time.
///
/// Each batch is one short read transaction of at most ``batchBytes`` bytes of chunk data (or
/// one chunk, if a single chunk is larger) and at most ``batchEvents`` events, so a 200 MB body
/// streams in a few megabytes of memory and the writer is never held up. A complete exchange
/// never changes, so batches read at different times fit together.
///
/// ```swift
/// var cursor = try cassette.events(of: id)
/// while let entry = try cursor.next() {
///     // entry.offsetMicros, entry.event
/// }
/// ```
public struct TimelineCursor: Sendable {
    /// The exchange being read.
    public let summary: ExchangeSummary

    /// The most chunk bytes one batch reads.
    public static let batchBytes = 1 << 20
    /// The most events one batch reads.
    public static let batchEvents = 512

    private let cassette: Cassette
    private var batch: [Timeline.Entry] = []
    private var position = 0
    private var lastKey: Int64
    private let endKey: Int64
    private var exhausted = false

    init(cassette: Cassette, summary: ExchangeSummary) {
        self.cassette = cassette
        self.summary = summary
        self.lastKey = CassetteSchema.eventKey(exchange: summary.id.rawValue, sequence: 0) - 1
        self.endKey = CassetteSchema.eventKey(exchange: summary.id.rawValue + 1, sequence: 0)
    }

    /// The next event, or nil after the terminal one.
    ///
    /// - Throws: ``CassetteError`` if the file cannot be read or an event is malformed.
    public mutating func next() throws(CassetteError) -> Timeline.Entry? {
        if position == batch.count {
            guard !exhausted else { return nil }
            try readBatch()
            guard position < batch.count else { return nil }
        }
        defer { position += 1 }
        return batch[position]
    }

    /// The rest of the current batch, reading the next one first if this one is used up;
    /// empty after the terminal event.
    ///
    /// - Throws: ``CassetteError`` if the file cannot be read or an event is malformed.
    public mutating func nextBatch() throws(CassetteError) -> [Timeline.Entry] {
        if position == batch.count {
            guard !exhausted else { return [] }
            try readBatch()
        }
        defer { position = batch.count }
        return position == 0 ? batch : Array(batch[position...])
    }

    private mutating func readBatch() throws(CassetteError) {
        let (start, end, summary) = (lastKey, endKey, summary)
        let result: (entries: [Timeline.Entry], lastKey: Int64, complete: Bool) = try cassette.read("read exchange \(summary.id) of") { db in
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT \(EventChunkReader.columns) FROM event WHERE id > ? AND id < ? ORDER BY id"),
                arguments: [start, end])
            var reader = EventChunkReader(db)
            defer { reader.close() }
            var entries: [Timeline.Entry] = []
            var bytes = 0
            var last = start
            while let row = try rows.next() {
                let entry = try reader.entry(from: row, summary: summary)
                last = row["id"]
                entries.append(entry)
                if case .responseBodyChunk(let chunk) = entry.event { bytes += chunk.count }
                if bytes >= Self.batchBytes || entries.count >= Self.batchEvents {
                    return (entries, last, false)
                }
            }
            return (entries, last, true)
        }
        batch = result.entries
        position = 0
        lastKey = result.lastKey
        exhausted = result.complete
    }

    /// Rebuilds one event from its row, taking heads, trailers and failures from `summary`.
    static func entry(from row: Row, summary: ExchangeSummary) throws -> Timeline.Entry {
        let offset: Int64 = row["offset_us"]
        let rawKind: Int64 = row["kind"]
        let id = summary.id.rawValue
        guard let kind = StoredEventKind(rawValue: rawKind) else {
            throw Cassette.malformed(id, "an event of unknown kind \(rawKind)")
        }
        let event: TimelineEvent
        switch kind {
        case .requestBodySent:
            // A count, or (schema v2, a streamed request body) the bytes sent.
            let value: DatabaseValue = row[3]
            if case .blob(let bytes) = value.storage {
                event = .requestBodySent(byteCount: bytes.count)
            } else {
                guard let count = Int.fromDatabaseValue(value) else { throw Cassette.malformed(id, "a request-body event without a count") }
                event = .requestBodySent(byteCount: count)
            }
        case .requestEnd:
            event = .requestEnd
        case .responseHead:
            guard let head = summary.response else { throw Cassette.malformed(id, "a head event but no stored head") }
            event = .responseHead(head)
        case .responseBodyChunk:
            event = .responseBodyChunk(try row.withUnsafeData(atIndex: 3) { $0.map { [UInt8]($0) } ?? [] })
        case .responseEnd:
            guard case .completed(let trailers) = summary.outcome else {
                throw Cassette.malformed(id, "an end event but a stored failure")
            }
            event = .responseEnd(trailers: trailers)
        case .failure:
            guard case .failed(let failure) = summary.outcome else {
                throw Cassette.malformed(id, "a failure event but no stored failure")
            }
            event = .failure(failure)
        }
        return Timeline.Entry(offsetMicros: offset, event: event)
    }
}

extension TimelineCursor: TimelineSource {
    /// The next batch, for a `TimelinePlayer`; a cassette that cannot be read ends playback
    /// with a `protocolError` failure carrying the reason.
    public mutating func nextEntries() throws(TransportFailure) -> [Timeline.Entry] {
        do {
            return try nextBatch()
        } catch {
            throw TransportFailure(.protocolError, message: error.message)
        }
    }
}
