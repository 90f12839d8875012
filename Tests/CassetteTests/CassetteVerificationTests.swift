import Cassette
import GRDB
import TapeCore
import Testing

struct CassetteVerificationTests {
    /// A closed cassette with three exchanges, then `tamper` applied to it with plain SQL.
    private func verifyTampered(_ sql: String?) throws -> CassetteVerification {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("verify.sqlite")
        let cassette = try Cassette.create(at: path)
        for index in 0..<3 {
            try cassette.record(try .response(to: .sample("GET", "http://h/\(index)"), body: Timeline.bytes(count: 300), chunkSize: 100))
        }
        try cassette.close()
        if let sql {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: sql) }
            try queue.close()
        }
        return try Cassette.verify(at: path)
    }

    @Test func healthyCassettePasses() throws {
        let report = try verifyTampered(nil)
        #expect(report.isValid)
        #expect(report.exchangeCount == 3)
        #expect(report.incompleteExchangeCount == 0)
    }

    @Test func chunkThatLostBytesIsABodyLengthMismatch() throws {
        // Exchange 2, event 3: its second body chunk.
        let report = try verifyTampered("UPDATE event SET data = x'00' WHERE id = (2 << 32) | 3")
        #expect(report.problems.map(\.kind) == [.bodyLengthMismatch])
        #expect(report.problems.first?.exchange == ExchangeID(rawValue: 2))
    }

    @Test func offsetGoingBackIsAnInvalidTimeline() throws {
        let report = try verifyTampered("UPDATE event SET offset_us = 1 WHERE id = (1 << 32) | 4")
        #expect(report.problems.map(\.kind) == [.invalidTimeline])
    }

    @Test func missingTerminalEventIsReported() throws {
        let report = try verifyTampered("DELETE FROM event WHERE id = (3 << 32) | 5")
        #expect(Set(report.problems.map(\.kind)) == [.eventCountMismatch, .durationMismatch, .invalidTimeline])
    }

    @Test func skippedSequenceNumberIsAGap() throws {
        let report = try verifyTampered("UPDATE event SET id = (1 << 32) | 9 WHERE id = (1 << 32) | 5")
        #expect(report.problems.map(\.kind) == [.sequenceGap])
    }

    @Test func eventsWithoutAnExchangeAreOrphans() throws {
        let report = try verifyTampered("INSERT INTO event (id, offset_us, kind, data) VALUES (77 << 32, 0, 1, NULL)")
        #expect(report.problems.map(\.kind) == [.orphanEvents])
    }

    @Test func undecodableHeadersMakeTheExchangeUnreadable() throws {
        let report = try verifyTampered("UPDATE exchange SET response_headers = x'6e6f2d636f6c6f6e0a' WHERE id = 1")
        #expect(report.problems.map(\.kind) == [.unreadableExchange])
    }
}
