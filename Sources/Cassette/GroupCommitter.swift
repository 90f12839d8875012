import Foundation
import GRDB
import TapeCore

/// Writes a recording's exchanges on a thread of its own, as many to a transaction as are
/// waiting: what ``Cassette/commitInBackground(journal:onFailure:)`` switches on for a recording proxy.
///
/// A transaction costs about the same for one small exchange as for fifty (locks, WAL frames
/// of the pages the rows share), so under load the cost per exchange falls, and the thread that
/// hands the writes over (the proxy's transport thread) never waits for SQLite. If a batch's
/// transaction fails, it is rolled back and its writes are run again one transaction each, so
/// only the write that fails is lost (and reported).
///
/// Writes wait in memory until their transaction; past ``budgetBytes`` of them, ``enqueue``
/// blocks its caller until the thread catches up, so memory stays bounded.
///
/// In WAL mode, the WAL is folded back into the file by a ``WALCheckpointer`` beside this thread.
final class GroupCommitter: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.

    /// One write: what it does to the database, its size in memory, and what it is for the errors.
    struct Work: Sendable {
        var bytes: Int
        var doing: String
        var body: @Sendable (Database) throws -> Void
    }

    /// The most bytes of writes waiting before ``enqueue`` blocks.
    let budgetBytes: Int
    private let checkpointer: WALCheckpointer?

    private let pool: DatabasePool
    private let path: String
    private let onFailure: @Sendable (CassetteError) -> Void
    private let condition = NSCondition()
    private var waiting: [Work] = []
    private var waitingBytes = 0
    private var enqueuedCount = 0
    private var committedCount = 0
    private var stopping = false
    private var finished = false

    init(
        pool: DatabasePool, path: String, budgetBytes: Int = 16 << 20, checkpointsWAL: Bool = true,
        walBoundFrames: Int32 = WALCheckpointer.defaultBoundFrames, onFailure: @escaping @Sendable (CassetteError) -> Void) {
        self.pool = pool
        self.path = path
        self.budgetBytes = budgetBytes
        self.onFailure = onFailure
        checkpointer = checkpointsWAL ? WALCheckpointer(path: path, boundFrames: walBoundFrames) : nil
        if let checkpointer {
            pool.writeWithoutTransaction { db in checkpointer.install(on: db) }
        }
        let thread = Thread { [self] in
            ThreadName.setCurrent("xhrtape-writer")
            run()
        }
        thread.start()
    }

    /// Hands `work` to the writer thread; blocks while the waiting writes exceed the budget.
    func enqueue(_ work: Work) {
        condition.lock()
        while waitingBytes > 0, waitingBytes + work.bytes > budgetBytes, !stopping {
            condition.wait()
        }
        waiting.append(work)
        waitingBytes += work.bytes
        enqueuedCount += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every write enqueued before this call is committed (or has failed).
    func flush() {
        condition.lock()
        let target = enqueuedCount
        while committedCount < target, !finished {
            condition.wait()
        }
        condition.unlock()
    }

    /// Commits what is waiting, then ends the thread and the checkpointer's.
    func stop() {
        flush()
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        if let checkpointer {
            pool.writeWithoutTransaction { db in checkpointer.uninstall(from: db) }
            checkpointer.stop()
        }
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty, !stopping { condition.wait() }
            if waiting.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = waiting
            waiting = []
            condition.unlock()

            // Failures are reported before the batch counts as committed, so flush() returns after them.
            for failure in commit(batch) { onFailure(failure) }

            condition.lock()
            waitingBytes -= batch.reduce(0) { $0 + $1.bytes }
            committedCount += batch.count
            condition.broadcast()
            condition.unlock()
        }
    }

    /// One transaction for `batch`; if it fails, one transaction per write.
    private func commit(_ batch: [Work]) -> [CassetteError] {
        do {
            try pool.write { db in
                for work in batch { try work.body(db) }
            }
            return []
        } catch {
            guard batch.count > 1 else { return [.database(error, path: path, doing: batch[0].doing)] }
        }
        var failures: [CassetteError] = []
        for work in batch {
            do {
                try pool.write { db in try work.body(db) }
            } catch {
                failures.append(.database(error, path: path, doing: work.doing))
            }
        }
        return failures
    }
}
