@testable import Cassette
import Foundation
import GRDB
import Synchronization
import TapeCore
import Testing

/// `commitInBackground`: exchanges commit on the cassette's writer thread, many to a
/// transaction, each in its own savepoint.
struct CassetteBackgroundCommitTests {
    @Test func exchangesHandedOverAreAllCommittedByFlushAndAFailedWriteLosesOnlyItself() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("background.sqlite")
        let cassette = try Cassette.create(at: path)
        let failures = Mutex<[CassetteError]>([])
        try cassette.commitInBackground { error in failures.withLock { $0.append(error) } }
        for index in 0..<200 {
            _ = try cassette.record(try .get("http://h/\(index)", answer: "answer \(index)"))
            if index == 100 {
                try cassette.submitWrite("break on purpose", bytes: 0) { _ in
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "a write that fails")
                }
            }
        }
        cassette.flushBackgroundCommits()
        #expect(try cassette.exchangeCount() == 200)
        #expect(failures.withLock { $0.count } == 1)
        #expect(failures.withLock { $0.first?.message.contains("break on purpose") } == true)
        // Every exchange is whole: its body reads back.
        let last = try #require(try cassette.exchanges().last)
        #expect(try cassette.timeline(of: last.id).responseBody == Array("answer 199".utf8))
        try cassette.close()
    }

    @Test func closingCommitsWhatIsStillWaiting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("close.sqlite")
        let cassette = try Cassette.create(at: path)
        try cassette.commitInBackground { _ in }
        for index in 0..<50 {
            _ = try cassette.record(try .get("http://h/\(index)", answer: String(repeating: "x", count: 10_000)))
        }
        try cassette.close()
        let reopened = try Cassette(path: path, access: .readOnly)
        #expect(try reopened.exchangeCount() == 50)
        try reopened.close()
        #expect(try Cassette.verify(at: path).problems.isEmpty)
    }

    /// The WAL is folded back into the file while recording (by `WALCheckpointer`, beside the
    /// writer thread, or past the bound by the writer), so it stays bounded however much is
    /// recorded. The bound here is 2,048 pages (16 MiB) for 48 MiB recorded.
    @Test func theWALStaysBoundedWhileTensOfMegabytesAreRecorded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("large.sqlite")
        let cassette = try Cassette.create(at: path)
        try cassette.commitInBackground(walBoundFrames: 2_048) { _ in }
        let body = String(repeating: "0123456789abcdef", count: 32 << 10)  // 512 KiB
        var largestWAL = 0
        for index in 0..<96 {  // 48 MiB in all
            _ = try cassette.record(try .get("http://h/\(index)", answer: "\(index):" + body))
            if index % 8 == 7 {
                cassette.flushBackgroundCommits()
                let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
                largestWAL = max(largestWAL, attributes?[.size] as? Int ?? 0)
            }
        }
        cassette.flushBackgroundCommits()
        #expect(largestWAL > 0)
        // The bound, plus the last transaction's pages (at most 8 exchanges, 4 MiB) and slack.
        #expect(largestWAL < 24 << 20, "the WAL grew to \(largestWAL) bytes")
        #expect(try cassette.exchangeCount() == 96)
        try cassette.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reopened = try Cassette(path: path, access: .readOnly)
        for (index, exchange) in try reopened.exchanges().enumerated() {
            #expect(try reopened.timeline(of: exchange.id).responseBody == Array("\(index):\(body)".utf8))
        }
        try reopened.close()
        #expect(try Cassette.verify(at: path).problems.isEmpty)
    }

    /// With a rollback journal the pages a recording appends go straight into the file: no WAL
    /// grows, the journal holds only the few pages each commit changes, and closing leaves one
    /// file, synced, that reads back whole.
    @Test func aRollbackJournalWritesTheBodiesOnceAndLeavesOneFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("rollback.sqlite")
        let cassette = try Cassette.create(at: path)
        try cassette.commitInBackground(journal: .rollback) { _ in }
        #expect(cassette.commitJournal == .rollback)
        let body = String(repeating: "0123456789abcdef", count: 32 << 10)  // 512 KiB
        var largestJournal = 0
        for index in 0..<64 {  // 32 MiB in all
            _ = try cassette.record(try .get("http://h/\(index)", answer: "\(index):" + body))
            if index % 8 == 7 {
                cassette.flushBackgroundCommits()
                #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
                let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-journal")
                largestJournal = max(largestJournal, attributes?[.size] as? Int ?? 0)
            }
        }
        cassette.flushBackgroundCommits()
        #expect(largestJournal > 0, "no rollback journal was written")
        // The journal keeps only pages that existed before each commit: a few, not the 4 MiB a commit appends.
        #expect(largestJournal < 1 << 20, "the journal grew to \(largestJournal) bytes")
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(fileSize > 32 << 20)
        // Reading while the recorder holds the file works; it waits for commits instead of reading a snapshot.
        let reader = try Cassette(path: path, access: .readOnly)
        #expect(try reader.exchangeCount() == 64)
        try reader.close()
        try cassette.close()
        for sidecar in ["-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: path + sidecar), "\(sidecar) left behind")
        }
        let reopened = try Cassette(path: path, access: .readOnly)
        for (index, exchange) in try reopened.exchanges().enumerated() {
            #expect(try reopened.timeline(of: exchange.id).responseBody == Array("\(index):\(body)".utf8))
        }
        try reopened.close()
        #expect(try Cassette.verify(at: path).problems.isEmpty)
        // The next writer is back on the write-ahead log.
        let writer = try Cassette(path: path)
        #expect(writer.commitJournal == .writeAheadLog)
        #expect(try writer.read("check") { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        try writer.close()
    }

    /// Leaving WAL mode needs the file to itself: with another connection open, recording keeps
    /// the write-ahead log and says so, and records as usual.
    @Test func aRollbackJournalIsRefusedWhileAnotherConnectionHasTheFileOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("shared.sqlite")
        let cassette = try Cassette.create(at: path)
        _ = try cassette.record(try .get("http://h/first", answer: "first"))
        let reader = try Cassette(path: path, access: .readOnly)
        #expect(try reader.exchangeCount() == 1)
        try cassette.commitInBackground(journal: .rollback) { _ in }
        #expect(cassette.commitJournal == .writeAheadLog)
        _ = try cassette.record(try .get("http://h/second", answer: "second"))
        cassette.flushBackgroundCommits()
        #expect(try reader.exchangeCount() == 2)
        try reader.close()
        try cassette.close()
        #expect(try Cassette.verify(at: path).exchangeCount == 2)
    }
}
