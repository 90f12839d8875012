#if canImport(Glibc)
import Glibc
#endif
@testable import Cassette
import GRDB
import Foundation
import TapeCore
import Testing

/// A recorder killed with SIGKILL mid-exchange leaves a cassette that opens, verifies and holds
/// exactly the exchanges it had finished.
///
/// The recorder must be our writer in another process, so the test runs this test binary again,
/// filtered to ``recorderKilledMidExchange()``, which is enabled only in that child (by the
/// `XHRTAPE_CRASH_CHILD` environment variable, naming the cassette). The child reports on stdout
/// when it is in the middle of an exchange; the parent then kills it.
///
/// With a rollback journal the child is also killed inside a commit that has already overwritten
/// pages of the file (it deleted every event and wrote more than SQLite's cache holds), so the
/// file is only whole again once SQLite rolls back the hot journal: the parent's first open is
/// read-only, which has to have it rolled back.
struct CassetteCrashSafetyTests {
    static let childEnvironmentKey = "XHRTAPE_CRASH_CHILD"
    static let journalEnvironmentKey = "XHRTAPE_CRASH_JOURNAL"
    static let readyMarker = "XHRTAPE-CRASH-CHILD-READY"

    /// What the child records completely.
    static func completedTimelines() throws -> [Timeline] {
        try (0..<3).map { index in
            try .response(
                to: .sample("GET", "http://127.0.0.1:8080/done/\(index)"),
                body: Timeline.bytes(count: 40_000, seed: UInt64(index)), chunkSize: 4_096, gapMicros: 900)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["wal", "rollback"])
    func killedRecorderLeavesExactlyTheCompletedExchanges(journal: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("crash.sqlite")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "recorderKilledMidExchange"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childEnvironmentKey] = path
        environment[Self.journalEnvironmentKey] = journal
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        child.standardInput = Pipe()  // kept open: the child waits on it until killed
        try child.run()
        // Bound the test even if the child never reports: kill it after 30 s.
        let watchdog = DispatchWorkItem { [pid = child.processIdentifier] in kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)

        var transcript = ""
        while !transcript.contains(Self.readyMarker) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }  // end of file: the child exited
            transcript += String(decoding: data, as: UTF8.self)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        watchdog.cancel()
        #expect(transcript.contains(Self.readyMarker), "the child never reached the middle of an exchange: \(transcript)")
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)
        if journal == "rollback" {
            let hot = try? FileManager.default.attributesOfItem(atPath: path + "-journal")
            #expect((hot?[.size] as? Int ?? 0) > 0, "the child died outside a commit: nothing to roll back")
        }

        // Read-only first: the unfinished exchanges are there but invisible.
        let report = try Cassette.verify(at: path)
        #expect(report.isValid, "\(report.problems)")
        #expect(report.exchangeCount == 3)
        #expect(report.incompleteExchangeCount >= 1)

        // A writer removes what the dead recorder left unfinished.
        let cassette = try Cassette(path: path)
        let expected = try Self.completedTimelines()
        let listed = try cassette.exchanges()
        #expect(listed.map(\.request.url) == expected.map(\.request.head.url))
        for (summary, timeline) in zip(listed, expected) {
            #expect(try cassette.timeline(of: summary.id) == timeline)
        }
        let after = try cassette.verify()
        #expect(after.isValid)
        #expect(after.incompleteExchangeCount == 0)
        try cassette.close()
    }

    /// The child's side; does nothing in a normal run.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childEnvironmentKey] != nil))
    func recorderKilledMidExchange() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.childEnvironmentKey])
        // A small buffer, so the unfinished exchanges really are on disk when the kill comes.
        let cassette = try Cassette.create(at: path, flushThresholdBytes: 8_192)
        let rollback = ProcessInfo.processInfo.environment[Self.journalEnvironmentKey] == "rollback"
        if rollback {
            try cassette.commitInBackground(journal: .rollback) { _ in }
            try #require(cassette.commitJournal == .rollback)
        }
        for timeline in try Self.completedTimelines() {
            try cassette.record(timeline)
        }
        let unfinished = try Timeline.response(
            to: .sample("GET", "http://127.0.0.1:8080/never-finishes"), body: Timeline.bytes(count: 100_000), chunkSize: 4_096)
        let writer = try cassette.beginExchange(unfinished.request)
        for entry in unfinished.entries.dropLast(3) {
            try writer.append(entry.event, atOffsetMicros: entry.offsetMicros)
        }
        let second = try cassette.beginExchange(.sample("POST", "http://127.0.0.1:8080/upload", body: [1, 2, 3]))
        try second.append(.requestBodySent(byteCount: 3), atOffsetMicros: 10)
        if rollback {
            cassette.flushBackgroundCommits()
            // A commit that never ends: it overwrites the file's pages, then waits to be killed.
            try cassette.submitWrite("hold a commit open", bytes: 0) { db in
                try db.execute(sql: "DELETE FROM event")
                try db.execute(sql: "CREATE TABLE filler (data BLOB)")
                try db.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                    INSERT INTO filler SELECT randomblob(8000) FROM n
                    """)
                FileHandle.standardOutput.write(Data("\(Self.readyMarker)\n".utf8))
                _ = FileHandle.standardInput.readDataToEndOfFile()
                exit(3)
            }
            _ = FileHandle.standardInput.readDataToEndOfFile()
            exit(3)
        }
        FileHandle.standardOutput.write(Data("\(Self.readyMarker)\n".utf8))
        // Wait to be killed; if the parent goes away instead, stdin ends and so does the wait.
        _ = FileHandle.standardInput.readDataToEndOfFile()
        exit(3)
    }
}
