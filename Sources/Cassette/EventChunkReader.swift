import GRDB
import GRDBSQLite
import TapeCore

/// Reads the events of a timeline with their body chunks copied once, straight from the file.
///
/// Selected as ``columns``, a body chunk's row carries only its length; ``entry(from:summary:)``
/// then reads its bytes with SQLite's incremental blob I/O into the array the event keeps. A plain
/// `SELECT data` first assembled the blob's overflow pages in a buffer of SQLite's, which was then
/// copied again into the array: replaying 64 KiB bodies spent most of its read-ahead in `memmove`.
///
/// Use one reader per read transaction, and ``close()`` it before the transaction ends.
struct EventChunkReader {
    /// The columns to select from `event`, in the order ``entry(from:summary:)`` reads them. A chunk
    /// stored as a blob comes as its length only (`typeof` and `length` leave a blob's pages
    /// unread); anything else, say text written by another tool, comes as its data, as before.
    static let columns = """
        id, offset_us, kind, CASE WHEN \(isBlobChunk) THEN NULL ELSE data END AS data, \
        CASE WHEN \(isBlobChunk) THEN length(data) END AS chunk_length
        """

    private static let isBlobChunk = "kind = \(StoredEventKind.responseBodyChunk.rawValue) AND typeof(data) = 'blob'"

    private let db: Database
    private var blob: OpaquePointer?

    init(_ db: Database) {
        self.db = db
    }

    /// The event in `row` (selected as ``columns``) of the exchange `summary` describes.
    mutating func entry(from row: Row, summary: ExchangeSummary) throws -> Timeline.Entry {
        guard let length: Int = row["chunk_length"] else {
            return try TimelineCursor.entry(from: row, summary: summary)
        }
        let bytes = try read(rowID: row["id"], count: length)
        return Timeline.Entry(offsetMicros: row["offset_us"], event: .responseBodyChunk(bytes))
    }

    /// Ends the reader's blob handle.
    mutating func close() {
        if let blob { sqlite3_blob_close(blob) }
        blob = nil
    }

    private mutating func read(rowID: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        if let blob {
            try check(sqlite3_blob_reopen(blob, rowID))
        } else {
            var opened: OpaquePointer?
            let code = sqlite3_blob_open(db.sqliteConnection, "main", "event", "data", rowID, 0, &opened)
            try check(code)
            blob = opened
        }
        guard let blob, Int(sqlite3_blob_bytes(blob)) == count else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "event \(rowID): its chunk changed length while it was read")
        }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            try check(sqlite3_blob_read(blob, buffer.baseAddress, CInt(count), 0))
            initialized = count
        }
    }

    private func check(_ code: CInt) throws {
        guard code == SQLITE_OK else { throw DatabaseError(sqliteCode: code, on: db) }
    }
}
