import Foundation
import GRDB
import Synchronization

/// An xhrtape cassette: an SQLite file of recorded HTTP exchanges with the arrival time of every
/// event, body chunks included.
///
/// Open one with ``init(path:access:configuration:)``. Read it with ``exchanges()``,
/// ``timeline(of:)`` and ``events(of:)``; record into it with ``beginExchange(_:startedAt:metadata:)``;
/// check it with ``verify()``. ``ReplayTransport`` and ``RecordingTransport`` put it behind the
/// `Transport` protocol.
///
/// The file is in WAL mode, so readers never wait for the writer and a killed recorder leaves a
/// valid file: an exchange becomes visible in one transaction when its terminal event arrives,
/// and exchanges that never finished are invisible and removed by the next writer. A recorder
/// that does not replay while it records can trade the first property for speed with a rollback
/// journal (``CommitJournal/rollback``); the second holds either way. One process at
/// a time records into a cassette; a second one gets ``CassetteError/Code/locked``. While
/// recording, commits reach the operating system without waiting for the disk
/// (`synchronous = OFF`), and ``close()`` syncs the file: a killed recorder loses nothing it
/// committed, and only an OS crash or power loss can cost the session under way.
///
/// A `Cassette` is safe to use from any thread. Its calls block while SQLite works (a small
/// exchange is one transaction of some tens of microseconds); callers on an event loop should hop
/// to a thread that may block.
public final class Cassette: Sendable {
    /// Whether a cassette may be written.
    public enum Access: Sendable {
        /// Read only; the file must exist. Nothing is written, not even the session table.
        case readOnly
        /// Read and record; the file is created if it does not exist.
        case readWrite
    }

    /// The path of the cassette file.
    public let path: String
    /// How the cassette was opened.
    public let access: Access
    /// What the writer redacts and how it buffers.
    public let configuration: CassetteConfiguration
    /// The schema version of the file (after any migration).
    public let schemaVersion: Int
    /// How many complete exchanges the file held when it was opened: record mode
    /// ``RecordMode/once`` records only into a cassette that had none.
    public let exchangeCountAtOpen: Int

    let pool: DatabasePool
    /// Whether ``close()`` lets SQLite remove the -wal and -shm files: always after writing, and
    /// after reading only if this cassette created them.
    private let removesSidecarFilesOnClose: Bool
    private let state: Mutex<WriterState>

    private struct WriterState: Sendable {
        var sessionID: Int64?
        var nextExchangeID: Int64
        var isClosed = false
        /// Set by ``commitInBackground(journal:onFailure:)``.
        var committer: GroupCommitter?
        var journal = CommitJournal.writeAheadLog
    }

    /// Opens or creates the cassette at `path`.
    ///
    /// Opening for writing applies pending migrations, removes the exchanges that crashed
    /// recorders left unfinished, and starts a session that ``close()`` ends.
    ///
    /// - Parameters:
    ///   - path: The cassette file.
    ///   - access: ``Access/readWrite`` (the default) creates the file if needed.
    ///   - configuration: Redaction and buffering for recording.
    /// - Throws: ``CassetteError`` with code ``CassetteError/Code/notFound``,
    ///   ``CassetteError/Code/notSQLite``, ``CassetteError/Code/truncated``,
    ///   ``CassetteError/Code/corrupt``, ``CassetteError/Code/notACassette``,
    ///   ``CassetteError/Code/schemaTooNew``, ``CassetteError/Code/migrationRequired`` or
    ///   ``CassetteError/Code/locked``.
    public init(path: String, access: Access = .readWrite, configuration: CassetteConfiguration = CassetteConfiguration()) throws(CassetteError) {
        self.path = path
        self.access = access
        self.configuration = configuration

        let fileSize = try Self.checkFile(at: path, access: access)
        self.removesSidecarFilesOnClose = access == .readWrite || !FileManager.default.fileExists(atPath: path + "-wal")
        if fileSize > 0 {
            // Look before opening for writing: GRDB would switch a foreign database to WAL mode.
            try Self.probe(path: path, access: access)
        }
        var config = Configuration()
        config.readonly = access == .readOnly
        config.busyMode = .timeout(5)
        config.maximumReaderCount = 4
        config.label = "xhrtape.cassette"
        if access == .readWrite {
            // Runs before GRDB switches the file to WAL, the last moment a new file's page size can be set.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = \(CassetteSchema.pageSize)")
            }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if access == .readWrite {
                // While recording, commits go to the OS without waiting for the disk: a killed recorder
                // still leaves a valid file (the WAL is in the page cache), and close() syncs it all. Only an
                // OS crash or power loss mid-session can cost that session. Waiting for the disk at every
                // checkpoint held a 1 GiB recording to the disk's speed, twice over (WAL, then file).
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
            }
        } catch {
            throw Self.explainOpenFailure(error, path: path)
        }
        do {
            let opened = try Self.prepare(pool, path: path, access: access, fileSize: fileSize, toolVersion: configuration.toolVersion)
            self.schemaVersion = opened.schemaVersion
            self.exchangeCountAtOpen = opened.exchangeCount
            self.state = Mutex(WriterState(sessionID: opened.sessionID, nextExchangeID: opened.nextExchangeID))
            self.pool = pool
        } catch {
            try? pool.close()
            throw error
        }
    }

    deinit {
        try? close()
    }

    /// Ends the recording session and closes the file.
    ///
    /// Exchanges still being written are discarded. Closing twice does nothing. After the last
    /// connection closes, SQLite folds the WAL back into the file and deletes it, so a closed
    /// cassette is a single file.
    ///
    /// - Throws: ``CassetteError`` if SQLite cannot write the session's end.
    public func close() throws(CassetteError) {
        let (sessionID, committer): (Int64??, GroupCommitter?) = state.withLock { state in
            if state.isClosed { return (.none, nil) }
            state.isClosed = true
            defer { state.committer = nil }
            return (.some(state.sessionID), state.committer)
        }
        committer?.stop()
        guard case .some(let session) = sessionID else { return }
        var failure: CassetteError?
        let journal = state.withLock { $0.journal }
        if journal == .rollback {
            // With a rollback journal, the commit below syncs the whole file to disk once synchronous is back on.
            _ = try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        if let session {
            do {
                try pool.write { db in
                    try Self.purgeIncompleteExchanges(of: session, in: db)
                    try db.execute(
                        sql: "UPDATE session SET closed_at = ? WHERE id = ?",
                        arguments: [Date().microsecondsSince1970, session])
                }
            } catch {
                failure = .database(error, path: path, doing: "close the recording session of")
            }
        }
        if journal == .rollback {
            // SQLite's default journal deletes the -journal file the recording kept.
            _ = try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        } else if access == .readWrite {
            // Fold the WAL into the file now, so the file is complete even if the WAL cannot be removed below;
            // with synchronous back at NORMAL, the checkpoint syncs the WAL and the file to disk.
            _ = try? pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        do {
            try pool.close()
        } catch {
            failure = failure ?? .database(error, path: path, doing: "close")
        }
        if removesSidecarFilesOnClose, failure == nil {
            // GRDB closes the pool's writer before its read-only readers, so no connection that may remove
            // the -wal and -shm files is the last to close. One brief connection that may write is; it
            // writes nothing but what the WAL still holds, and removes the files if no one else has the
            // cassette open.
            var config = Configuration()
            config.busyMode = .timeout(1)
            if let queue = try? DatabaseQueue(path: path, configuration: config) {
                try? queue.close()
            }
        }
        if let failure { throw failure }
    }

    // MARK: - Access for the rest of the module

    /// Runs `body` in a read transaction, translating failures.
    func read<T>(_ doing: String, _ body: (Database) throws -> T) throws(CassetteError) -> T {
        try checkOpen()
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw .database(error, path: path, doing: doing)
        }
    }

    /// Runs `body` in a write transaction, translating failures.
    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(CassetteError) -> T {
        try checkWritable()
        do {
            return try pool.write { db in try body(db) }
        } catch {
            throw .database(error, path: path, doing: doing)
        }
    }

    /// Runs `body` in a write transaction now, or hands it to the writer thread when
    /// ``commitInBackground(journal:onFailure:)`` is on (`bytes`: what it holds in memory until then).
    func submitWrite(_ doing: String, bytes: Int, _ body: @escaping @Sendable (Database) throws -> Void) throws(CassetteError) {
        try checkWritable()
        if let committer = state.withLock({ $0.committer }) {
            committer.enqueue(GroupCommitter.Work(bytes: bytes, doing: doing, body: body))
        } else {
            try write(doing, body)
        }
    }

    /// Switches recording to a writer thread of the cassette's own that commits the waiting
    /// exchanges together, many to a transaction: for a recording proxy under load.
    ///
    /// An exchange then becomes visible shortly after its terminal event, not during the call
    /// that handed the event over, and a write that fails is reported to `onFailure` (on the
    /// writer thread) instead of thrown. ``flushBackgroundCommits()`` waits for what was handed
    /// over; ``close()`` commits everything first. At most 16 MiB of writes wait in memory:
    /// past that, the recorder blocks until the thread catches up. With the write-ahead log, it
    /// is checkpointed beside the writer and stays under 128 MiB. Calling it again does nothing.
    ///
    /// - Parameters:
    ///   - journal: How commits are made safe. ``CommitJournal/rollback`` needs the file to
    ///     itself: if another connection has it open, recording keeps the write-ahead log
    ///     (``commitJournal`` says which is in effect).
    ///   - onFailure: Called with each write that fails.
    public func commitInBackground(
        journal: CommitJournal = .writeAheadLog, onFailure: @escaping @Sendable (CassetteError) -> Void
    ) throws(CassetteError) {
        try commitInBackground(journal: journal, walBoundFrames: WALCheckpointer.defaultBoundFrames, onFailure: onFailure)
    }

    /// ``commitInBackground(journal:onFailure:)`` with the WAL bounded at `walBoundFrames` pages (tests use a small one).
    func commitInBackground(
        journal: CommitJournal = .writeAheadLog, walBoundFrames: Int32, onFailure: @escaping @Sendable (CassetteError) -> Void
    ) throws(CassetteError) {
        try checkWritable()
        let pool = pool
        let path = path
        state.withLock { state in
            guard state.committer == nil, !state.isClosed else { return }
            if journal == .rollback, Self.switchToRollbackJournal(pool) {
                state.journal = .rollback
            }
            state.committer = GroupCommitter(
                pool: pool, path: path, checkpointsWAL: state.journal == .writeAheadLog,
                walBoundFrames: walBoundFrames, onFailure: onFailure)
        }
    }

    /// The journal recording commits with: ``CommitJournal/writeAheadLog`` until
    /// ``commitInBackground(journal:onFailure:)`` switches to the rollback journal.
    public var commitJournal: CommitJournal {
        state.withLock { $0.journal }
    }

    /// Moves the file from WAL mode to a rollback journal that stays on disk between commits
    /// (`PERSIST`: one write clears it, where `DELETE` would create and remove a file per commit).
    /// False if SQLite refused, because another connection has the file open.
    private static func switchToRollbackJournal(_ pool: DatabasePool) -> Bool {
        // Only the file's last connection may leave WAL mode: close the pool's idle readers first.
        pool.releaseMemory()
        let mode = try? pool.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = PERSIST")
        }
        return mode == "persist"
    }

    /// Waits until every exchange handed over so far is committed (see ``commitInBackground(journal:onFailure:)``).
    public func flushBackgroundCommits() {
        state.withLock { $0.committer }?.flush()
    }

    /// The session and id for a new exchange.
    func allocateExchange() throws(CassetteError) -> (session: Int64, id: Int64) {
        try checkWritable()
        let allocated: (Int64, Int64)? = state.withLock { state in
            guard !state.isClosed, let session = state.sessionID else { return nil }
            defer { state.nextExchangeID += 1 }
            return (session, state.nextExchangeID)
        }
        guard let allocated else { throw closedError() }
        return allocated
    }

    private func checkOpen() throws(CassetteError) {
        if state.withLock({ $0.isClosed }) { throw closedError() }
    }

    private func checkWritable() throws(CassetteError) {
        guard access == .readWrite else {
            throw CassetteError(
                code: .readOnly,
                message: "\(path) was opened read-only, so nothing can be recorded into it. "
                    + "Open it with access .readWrite to record.")
        }
        try checkOpen()
    }

    private func closedError() -> CassetteError {
        CassetteError(code: .closed, message: "\(path) has been closed. Open the cassette again to use it.")
    }

    // MARK: - Opening

    /// Checks that the file can be opened as asked; returns its size before SQLite touches it.
    private static func checkFile(at path: String, access: Access) throws(CassetteError) -> Int64 {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw CassetteError(code: .notFound, message: "\(path) is a directory. Give the path of a cassette file.")
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        if access == .readOnly {
            throw CassetteError(
                code: .notFound,
                message: "There is no cassette at \(path). Check the path, or record one with `xhrtape record -c \(path)`.")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw CassetteError(
                code: .notFound,
                message: "Cannot create a cassette at \(path): the directory \(directory) does not exist. Create it first.")
        }
        return 0
    }

    /// Opens an existing file read-only and checks that it is a cassette this build can open.
    ///
    /// A recorder with a rollback journal that died mid-commit leaves a hot journal, which SQLite
    /// must roll back before anyone reads: that needs a connection that may write, even to read.
    private static func probe(path: String, access: Access) throws(CassetteError) {
        do {
            try probeReadOnly(path: path, access: access)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            try rollBackUnfinishedCommit(path: path)
            do {
                try probeReadOnly(path: path, access: access)
            } catch {
                throw explainOpenFailure(error, path: path)
            }
        } catch {
            throw explainOpenFailure(error, path: path)
        }
    }

    private static func probeReadOnly(path: String, access: Access) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        _ = try queue.read { db in try checkIdentity(db, path: path, access: access) }
    }

    /// Lets SQLite roll back the commit a dead recorder left in `path`'s hot journal, restoring
    /// the file as of its last complete commit.
    private static func rollBackUnfinishedCommit(path: String) throws(CassetteError) {
        var config = Configuration()
        config.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            // The first read of a connection that may write rolls the hot journal back.
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw CassetteError(
                code: .storageFailure,
                message: "\(path) holds a commit that a recorder left unfinished when it stopped abruptly "
                    + "(in \(path)-journal). SQLite must roll it back before the cassette can be read, and could not: "
                    + "\(CassetteError.database(error, path: path, doing: "roll back").message) "
                    + "Give this user write access to the file and its directory, then open it again; "
                    + "keep the -journal file beside it until then, or the cassette is damaged.",
                cause: error)
        }
    }

    /// Explains why SQLite refused to open `path`, looking at the file itself when SQLite says it
    /// is damaged or not a database.
    private static func explainOpenFailure(_ error: any Error, path: String) -> CassetteError {
        let translated = CassetteError.database(error, path: path, doing: "open")
        guard error is DatabaseError, translated.code == .corrupt || translated.code == .notSQLite,
              let inspection = CassetteFileInspection(path: path)
        else { return translated }
        switch inspection.verdict {
        case .notSQLite:
            return CassetteError(
                code: .notSQLite,
                message: "\(path) is not an SQLite database (its first bytes are not \"SQLite format 3\"), "
                    + "so it is not a cassette. Check the path; cassettes are written by `xhrtape record`.",
                cause: error)
        case .truncated(let expected, let actual):
            return CassetteError(
                code: .truncated,
                message: "\(path) is cut short: its header describes \(expected) bytes but the file has \(actual). "
                    + "It was probably copied or downloaded incompletely; copy it again or restore it from version control.",
                cause: error)
        case .damagedInside:
            return CassetteError(
                code: .corrupt,
                message: "\(path) is damaged inside (SQLite: \(translated.message)). "
                    + "Restore it from version control, or re-record it.",
                cause: error)
        }
    }

    private struct Opened {
        var schemaVersion: Int
        var exchangeCount: Int
        var sessionID: Int64?
        var nextExchangeID: Int64
    }

    /// Checks the file's identity and version, migrates it and starts a session.
    private static func prepare(
        _ pool: DatabasePool, path: String, access: Access, fileSize: Int64, toolVersion: String
    ) throws(CassetteError) -> Opened {
        do {
            let pageSize = try pool.read { db in try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
            if pageSize > 0, fileSize % pageSize != 0 {
                throw CassetteError(
                    code: .truncated,
                    message: "\(path) is cut short: its \(fileSize) bytes are not a whole number of \(pageSize)-byte pages. "
                        + "It was probably copied or downloaded incompletely; copy it again or restore it from version control.")
            }
            switch access {
            case .readOnly:
                return try pool.read { db in
                    let version = try checkIdentity(db, path: path, access: access)
                    guard let version else {
                        throw CassetteError(
                            code: .notACassette,
                            message: "\(path) is an empty SQLite file, not a cassette. Record into it with `xhrtape record -c \(path)`.")
                    }
                    if version < CassetteSchema.oldestReadableVersion {
                        throw CassetteError(
                            code: .migrationRequired,
                            message: "\(path) has cassette schema v\(version); this xhrtape uses v\(CassetteSchema.currentVersion). "
                                + "Open it once for writing (for example `xhrtape verify --upgrade`) to upgrade it.")
                    }
                    return Opened(schemaVersion: version, exchangeCount: try completeCount(db), sessionID: nil, nextExchangeID: 0)
                }
            case .readWrite:
                return try pool.writeWithoutTransaction { db in
                    var opened: Opened?
                    try db.inTransaction(.immediate) {
                        let version = try checkIdentity(db, path: path, access: access)
                        try migrate(db, from: version ?? 0)
                        let session = try startSession(db, path: path, toolVersion: toolVersion)
                        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM exchange") ?? 0
                        opened = Opened(
                            schemaVersion: CassetteSchema.currentVersion, exchangeCount: try completeCount(db),
                            sessionID: session, nextExchangeID: maxID + 1)
                        return .commit
                    }
                    return opened!
                }
            }
        } catch {
            throw .database(error, path: path, doing: "open")
        }
    }

    /// The schema version, or nil for an empty database that can become a cassette.
    private static func checkIdentity(_ db: Database, path: String, access: Access) throws -> Int? {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID == 0 {
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0
            if tableCount == 0 { return nil }
        }
        guard applicationID == CassetteSchema.applicationID,
              try db.tableExists("meta")
        else {
            throw CassetteError(
                code: .notACassette,
                message: "\(path) is an SQLite database but not an xhrtape cassette (application id \(applicationID)). "
                    + "Check the path; cassettes are written by `xhrtape record`.")
        }
        guard let version = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") else {
            throw CassetteError(
                code: .corrupt,
                message: "\(path) is an xhrtape cassette without a schema_version. Restore it from version control, or re-record it.")
        }
        if version > CassetteSchema.currentVersion {
            throw CassetteError(
                code: .schemaTooNew,
                message: "\(path) was written by a newer xhrtape (cassette schema v\(version)); this build reads up to "
                    + "v\(CassetteSchema.currentVersion). Upgrade xhrtape to use this cassette.")
        }
        return version
    }

    /// Applies every migration above `version`, inside the caller's transaction.
    private static func migrate(_ db: Database, from version: Int) throws {
        let pending = CassetteSchema.migrations.filter { $0.version > version }
        guard !pending.isEmpty else { return }
        if version == 0 {
            try db.execute(sql: "PRAGMA application_id = \(CassetteSchema.applicationID)")
        }
        for migration in pending {
            try migration.apply(db)
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            arguments: [CassetteSchema.currentVersion])
        if version == 0 {
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('created_at', ?)",
                arguments: [Date().microsecondsSince1970])
        }
    }

    /// Ends the sessions of recorders that died, drops their unfinished exchanges, and starts ours.
    private static func startSession(_ db: Database, path: String, toolVersion: String) throws -> Int64 {
        let open = try Row.fetchAll(db, sql: "SELECT id, host, pid, process_start FROM session WHERE closed_at IS NULL")
        for row in open {
            let process = RecorderProcess(host: row["host"], pid: row["pid"], startTicks: row["process_start"])
            if process.mightBeAlive {
                throw CassetteError(
                    code: .locked,
                    message: "Another recorder (pid \(process.pid) on \(process.host)) has \(path) open for writing. "
                        + "Stop it or record into another cassette; a cassette has one recorder at a time.")
            }
            let session: Int64 = row["id"]
            try purgeIncompleteExchanges(of: session, in: db)
            try db.execute(sql: "UPDATE session SET closed_at = ? WHERE id = ?", arguments: [Date().microsecondsSince1970, session])
        }
        let me = RecorderProcess.current
        try db.execute(
            sql: "INSERT INTO session (tool_version, host, pid, process_start, opened_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [toolVersion, me.host, me.pid, me.startTicks, Date().microsecondsSince1970])
        return db.lastInsertedRowID
    }

    /// Deletes the exchanges `session` left unfinished, with their events.
    static func purgeIncompleteExchanges(of session: Int64, in db: Database) throws {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM exchange WHERE session = ? AND complete = 0", arguments: [session])
        for id in ids {
            try deleteExchange(id, in: db)
        }
    }

    /// Deletes exchange `id` and its events.
    static func deleteExchange(_ id: Int64, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM event WHERE id >= ? AND id < ?",
            arguments: [CassetteSchema.eventKey(exchange: id, sequence: 0), CassetteSchema.eventKey(exchange: id + 1, sequence: 0)])
        try db.execute(sql: "DELETE FROM exchange WHERE id = ?", arguments: [id])
    }

    private static func completeCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange WHERE complete = 1") ?? 0
    }
}
