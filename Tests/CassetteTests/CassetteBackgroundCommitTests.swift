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
}
