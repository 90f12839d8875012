import GRDB

/// The cassette file format: its identity, its schema versions and the forward migrations
/// between them.
///
/// A cassette is an SQLite database in WAL mode whose header carries ``applicationID``
/// (`PRAGMA application_id`) and whose `meta` table holds `schema_version`. Opening a file
/// applies every migration above its version in one transaction; a version above
/// ``currentVersion`` is refused with ``CassetteError/Code/schemaTooNew`` before anything is
/// written.
///
/// Schema v1 (every time is an integer in microseconds):
///
/// - `meta(key, value)`: `schema_version`, `created_at` (wall clock), `created_by` (tool version).
/// - `session`: one row per process that opened the cassette for writing: its tool version, host
///   name, process id and start time (to tell a reused pid apart), and when it opened and closed.
///   An open session whose process is gone is a crashed recorder.
/// - `exchange`: one row per exchange, written when the exchange finishes (or at its first flush,
///   if its body outgrows the writer's buffer). `complete` is 0 until the terminal event is
///   stored, and every reader ignores incomplete rows. Request: `method`, `url`,
///   `request_version` (10 × major + minor), `request_headers` (``HeaderBlock``), `request_body`.
///   Response head: `status`, `reason`, `response_version`, `response_headers` (NULL without a
///   head). Terminal event: `trailers` (NULL when the end had none) or `failure_code` (a stable
///   `TransportFailure.Code` name) and `failure_message`. Bookkeeping for verification:
///   `body_length` (sum of chunk sizes), `event_count`, `duration` (offset of the terminal
///   event). Recorder metadata: `started_at` (wall clock), `tls`, `client_address`,
///   `upstream_address`, `session`.
/// - `event`: one row per timeline event, body chunks included. Its integer primary key is
///   `exchange << 32 | sequence`, so an exchange's events sit together in key order without a
///   second index, and a range scan streams them. `offset_us` is the offset from the request
///   start, `kind` a ``StoredEventKind``, `data` the raw chunk bytes (or the byte count of a
///   request-body event).
/// - View `timeline` shows `event` with `exchange` and `sequence` split out, for the shell.
///
/// Schema v2 adds streamed request bodies, with no change to the tables: a request body that
/// was recorded as it streamed upstream (a large upload through the proxy) is not in
/// `request_body`, which holds an empty blob as the mark, but in its `requestBodySent` events,
/// whose `data` is then the bytes sent (their count is the blob's length). A v1 file has no such
/// body, so this build reads v1 files as they are; a v1 build refuses v2 files as too new.
enum CassetteSchema {
    /// `PRAGMA application_id` of every cassette: "XHRT" in ASCII.
    static let applicationID: Int32 = 0x5848_5254

    /// The newest schema this build reads and writes.
    static let currentVersion = 2

    /// The oldest schema this build reads without upgrading the file (v2 only adds a form v1 never has).
    static let oldestReadableVersion = 1

    /// The page size of new cassettes. Measured on exchanges with 1 KiB bodies: 1,663 bytes each
    /// with 4 KiB pages (three 1 KiB chunks leave 880 bytes of a 4 KiB page unused), 1,493 with
    /// 8 KiB, 1,492 with 16 KiB, which also wrote a fifth slower (every commit writes whole pages
    /// to the WAL). A 16 KiB chunk costs 6 % extra in overflow pages at 8 KiB.
    static let pageSize = 8192

    /// Bits of an event key that hold the sequence number.
    static let sequenceBits: Int64 = 32

    /// Migrations by the version they produce; index 0 produces v1.
    static var migrations: [(version: Int, apply: (Database) throws -> Void)] {
        [(1, createVersion1), (2, { _ in })]
    }

    /// The event key of `sequence` in `exchange`.
    static func eventKey(exchange: Int64, sequence: Int64) -> Int64 {
        exchange << sequenceBits | sequence
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE session (
                id INTEGER PRIMARY KEY,
                tool_version TEXT NOT NULL,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                process_start INTEGER,
                opened_at INTEGER NOT NULL,
                closed_at INTEGER
            );
            CREATE TABLE exchange (
                id INTEGER PRIMARY KEY,
                session INTEGER NOT NULL,
                complete INTEGER NOT NULL,
                started_at INTEGER NOT NULL,
                method TEXT NOT NULL,
                url TEXT NOT NULL,
                request_version INTEGER NOT NULL,
                request_headers BLOB,
                request_body BLOB,
                status INTEGER,
                reason TEXT,
                response_version INTEGER,
                response_headers BLOB,
                body_length INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                duration INTEGER,
                trailers BLOB,
                failure_code TEXT,
                failure_message TEXT,
                tls INTEGER NOT NULL,
                client_address TEXT,
                upstream_address TEXT
            );
            CREATE INDEX exchange_incomplete ON exchange(session) WHERE complete = 0;
            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                offset_us INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                data BLOB
            );
            CREATE VIEW timeline AS
                SELECT id >> 32 AS exchange, id & 4294967295 AS sequence, offset_us, kind,
                       CASE kind WHEN 3 THEN length(data) ELSE data END AS size_or_count, data
                FROM event;
            """)
    }
}
