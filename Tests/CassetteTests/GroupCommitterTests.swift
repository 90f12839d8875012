@testable import Cassette
import Foundation
import GRDB
import Synchronization
import Testing

/// `GroupCommitter`'s lingering: a small batch waits for more writes before its transaction,
/// unless a flush or a large batch says not to.
struct GroupCommitterTests {
    /// Counts the transactions committed on the connection it observes.
    private final class CommitCounter: TransactionObserver, Sendable {
        let commits = Atomic<Int>(0)
        /// Signalled once per commit.
        let committed = DispatchSemaphore(value: 0)
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) {
            commits.add(1, ordering: .relaxed)
            committed.signal()
        }
        func databaseDidRollback(_ db: Database) {}
    }

    private struct Fixture {
        let directory: TemporaryDirectory
        let pool: DatabasePool
        let counter = CommitCounter()

        init() throws {
            directory = try TemporaryDirectory()
            pool = try DatabasePool(path: directory.file("linger.sqlite"))
            try pool.write { db in try db.execute(sql: "CREATE TABLE item (n INTEGER)") }
            pool.writeWithoutTransaction { db in db.add(transactionObserver: counter, extent: .databaseLifetime) }
        }

        func committer(lingerSeconds: Double) -> GroupCommitter {
            GroupCommitter(pool: pool, path: directory.file("linger.sqlite"), lingerSeconds: lingerSeconds, checkpointsWAL: false) { _ in }
        }

        func insert(_ n: Int, bytes: Int = 16) -> GroupCommitter.Work {
            GroupCommitter.Work(bytes: bytes, doing: "insert \(n)") { db in
                try db.execute(sql: "INSERT INTO item (n) VALUES (?)", arguments: [n])
            }
        }

        func itemCount() throws -> Int {
            try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0 }
        }
    }

    @Test func smallWritesHandedOverTogetherShareOneTransaction() throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let committer = fixture.committer(lingerSeconds: 5)
        for n in 0..<20 { committer.enqueue(fixture.insert(n)) }
        committer.flush()
        #expect(try fixture.itemCount() == 20)
        #expect(fixture.counter.commits.load(ordering: .relaxed) == 1)
        committer.stop()
    }

    @Test func aFlushDoesNotWaitForTheLinger() throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let committer = fixture.committer(lingerSeconds: 60)
        committer.enqueue(fixture.insert(1))
        let started = ContinuousClock.now
        committer.flush()
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try fixture.itemCount() == 1)
        committer.stop()
    }

    @Test func aBatchPastTheLingerThresholdCommitsWithoutAFlush() throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let committer = fixture.committer(lingerSeconds: 60)
        committer.enqueue(fixture.insert(1, bytes: committer.lingerBytes))
        // Awaited with a deadline far shorter than the linger: only the threshold can commit it.
        #expect(fixture.counter.committed.wait(timeout: .now() + 30) == .success)
        #expect(try fixture.itemCount() == 1)
        committer.stop()
    }
}
