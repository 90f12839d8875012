import Foundation
import GRDB
import GRDBSQLite
import TapeCore

/// Folds a recording cassette's WAL back into the file: by the writer in short checkpoints, and
/// on a thread and a connection of its own when more is waiting than the writer should copy at once.
///
/// A checkpoint reads back every page the writer appended and writes it again into the file.
///
/// The writer keeps the decision (``install(on:)`` replaces SQLite's automatic checkpoint with
/// its own WAL hook). Past 1,000 pages in the WAL, with at most ``writerFinishFrames`` of them
/// still to copy, the writer copies them itself, and the WAL starts over from its beginning at the
/// next commit: a short pause of the writer, which its queue absorbs. With more than that
/// waiting (one large commit), it asks this thread for a passive checkpoint, which never blocks
/// the writer nor is blocked by it, and finishes the rest itself once the thread has come within
/// ``writerFinishFrames`` of the end. Past ``boundFrames`` the writer waits for the thread's
/// checkpoint, if one runs, and copies the rest: a bound on the WAL if the thread falls behind.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: the mutable fields are guarded by `condition`; `queue` is used only by the
    // thread; checkpoints on either connection run under `checkpointLock`.

    /// WAL pages before a checkpoint is due: SQLite's own default.
    static let dueFrames: Int32 = 1_000
    /// Pages still to copy (16 MiB) up to which the writer checkpoints itself. It is above
    /// ``dueFrames`` on purpose: the writer copies a WAL of 1,000-2,048 pages at once, and the WAL
    /// starts over long before ``boundFrames``; the thread copies only when one commit leaves more
    /// waiting. At 256, the writer of 64 KiB exchanges on 2 cores reached the bound again and
    /// again, waited there for the thread's pass over up to 128 MiB, and every exchange in flight
    /// stalled behind its full budget: in 8 interleaved 10 s runs at 16 connections, p99 latency
    /// was 53-177 ms (median 111) against 22-47 ms (median 37) at 2,048, with requests/s within
    /// 3 % and the same at 1 KiB and on a 1 GiB body.
    static let writerFinishFrames: Int32 = 2_048
    /// The default ``boundFrames``: 128 MiB of 8 KiB pages.
    static let defaultBoundFrames: Int32 = 16_384

    /// WAL pages past which the writer checkpoints itself in any case.
    let boundFrames: Int32

    private let queue: DatabaseQueue
    private let condition = NSCondition()
    /// Held around every checkpoint, the writer's and the thread's: a second checkpoint started
    /// while one runs would fail with SQLITE_BUSY and copy nothing.
    private let checkpointLock = NSLock()
    private var requested = false
    private var stopping = false
    private var finished = false
    /// The WAL's length and the pages of it back in the file, after this thread's last checkpoint.
    private var lastCheckpoint: (walFrames: Int32, copiedFrames: Int32) = (0, 0)

    /// Opens a connection to the cassette at `path` and starts the thread; nil if the
    /// connection cannot be opened (the writer's automatic checkpoints then do the work).
    init?(path: String, boundFrames: Int32 = WALCheckpointer.defaultBoundFrames) {
        self.boundFrames = boundFrames
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        configuration.label = "xhrtape.cassette.checkpointer"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // As the writer: the disk is synced once, when the cassette closes.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        } catch {
            return nil
        }
        let thread = Thread { [self] in
            ThreadName.setCurrent("xhrtape-wal")
            run()
        }
        thread.start()
    }

    /// Makes the writer connection `db` hand its checkpoints to this thread, until ``uninstall(from:)``.
    /// This object must outlive the installation (the hook holds it unretained).
    func install(on db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_wal_hook(connection, { context, connection, name, frames in
            guard let context, let connection, let name else { return SQLITE_OK }
            let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
            checkpointer.walDidCommit(frames: frames, database: connection, name: name)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Gives the writer connection `db` back SQLite's automatic checkpoint.
    func uninstall(from db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_wal_autocheckpoint(connection, Self.dueFrames)
    }

    /// Ends the thread after the checkpoint in progress, if any, and closes the connection.
    /// Call ``uninstall(from:)`` first.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        while !finished { condition.wait() }
        condition.unlock()
        try? queue.close()
    }

    /// The writer's WAL hook: runs on the writer's thread after each commit, with the WAL's length.
    private func walDidCommit(frames: Int32, database: OpaquePointer, name: UnsafePointer<CChar>) {
        guard frames >= Self.dueFrames else { return }
        condition.lock()
        // A WAL shorter than at the last checkpoint has started over: none of it is copied yet.
        let copied = frames >= lastCheckpoint.walFrames ? lastCheckpoint.copiedFrames : 0
        let pastBound = frames >= boundFrames
        let writerFinishes = frames - copied <= Self.writerFinishFrames || pastBound
        if !writerFinishes {
            requested = true
            condition.signal()
        }
        condition.unlock()
        if writerFinishes {
            // Past the bound the writer waits for the thread's checkpoint to end, then copies the rest;
            // to finish one, it leaves the work to the thread if the thread is at it.
            if pastBound {
                checkpointLock.lock()
            } else if !checkpointLock.try() {
                return
            }
            // As SQLite's automatic checkpoint does.
            _ = sqlite3_wal_checkpoint_v2(database, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            checkpointLock.unlock()
            // The WAL starts over at the next commit: the thread's figures are for the old one.
            condition.lock()
            lastCheckpoint = (0, 0)
            condition.unlock()
        }
    }

    private func run() {
        while true {
            condition.lock()
            while !requested, !stopping { condition.wait() }
            if stopping {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            requested = false
            condition.unlock()
            var walFrames: Int32 = 0
            var copiedFrames: Int32 = 0
            let code = queue.writeWithoutTransaction { db -> Int32 in
                guard let connection = db.sqliteConnection else { return SQLITE_MISUSE }
                checkpointLock.lock()
                defer { checkpointLock.unlock() }
                return sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copiedFrames)
            }
            if code == SQLITE_OK {
                condition.lock()
                lastCheckpoint = (walFrames, copiedFrames)
                condition.unlock()
            }
        }
    }
}
