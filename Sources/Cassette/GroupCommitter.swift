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
/// only the write that fails is lost (and reported). A batch smaller than ``lingerBytes``
/// waits up to ``lingerSeconds`` for more writes first, unless someone is flushing.
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

    /// How long a small batch waits for more writes by default.
    ///
    /// Each transaction rewrites the pages the rows share (b-tree leaves and their parents,
    /// journaled first), so committing every few 1 KiB exchanges spent half of the writer's
    /// time on them. Measured on 2 cores, record 1 KiB / 16 connections, 5 s: lingering 5 ms
    /// cut the writer's CPU from 140–144 to 61–63 jiffies and the process's bytes written
    /// (sockets included) from 780–850 MB to about 245 MB, with req/s unchanged or higher.
    /// Durability is unchanged (``flush()`` never waits for it); a reader of the cassette sees
    /// a recorded exchange up to this much later.
    static let defaultLingerSeconds = 0.005

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
    /// Callers of ``flush()`` waiting now: the writer then commits without lingering.
    private var flushing = 0
    /// How long the writer lets a small batch gather more writes before committing it.
    let lingerSeconds: Double
    /// A batch of at least this many bytes is committed without lingering.
    let lingerBytes: Int

    init(
        pool: DatabasePool, path: String, budgetBytes: Int = 16 << 20, lingerSeconds: Double = GroupCommitter.defaultLingerSeconds,
        checkpointsWAL: Bool = true,
        walBoundFrames: Int32 = WALCheckpointer.defaultBoundFrames, onFailure: @escaping @Sendable (CassetteError) -> Void) {
        self.pool = pool
        self.path = path
        self.budgetBytes = budgetBytes
        self.lingerSeconds = lingerSeconds
        self.lingerBytes = budgetBytes / 16
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
        let wasEmpty = waiting.isEmpty
        waiting.append(work)
        waitingBytes += work.bytes
        enqueuedCount += 1
        // Wake the writer only when it has something new to do: a first write, or a batch
        // grown past the linger threshold (while it lingers, waking it per write would cost
        // a context switch each).
        if wasEmpty || (waitingBytes >= lingerBytes && waitingBytes - work.bytes < lingerBytes) {
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Waits until every write enqueued before this call is committed (or has failed).
    func flush() {
        condition.lock()
        let target = enqueuedCount
        flushing += 1
        condition.broadcast()
        while committedCount < target, !finished {
            condition.wait()
        }
        flushing -= 1
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
            let lingerEnd = Date(timeIntervalSinceNow: lingerSeconds)
            while !waiting.isEmpty, waitingBytes < lingerBytes, flushing == 0, !stopping,
                  condition.wait(until: lingerEnd) {}
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
