import Cassette
import Foundation
import GRDB
import TapeCore
import Testing

struct CassetteOpenErrorTests {
    /// A closed cassette with enough exchanges to span several pages.
    private func makeCassette(in directory: TemporaryDirectory, exchanges: Int = 30) throws -> String {
        let path = directory.file("tape.sqlite")
        let cassette = try Cassette.create(at: path)
        for index in 0..<exchanges {
            try cassette.record(try .response(to: .sample("GET", "http://h/\(index)"), body: Timeline.bytes(count: 2_000, seed: UInt64(index))))
        }
        try cassette.close()
        return path
    }

    private func openError(_ path: String, access: Cassette.Access = .readOnly) -> CassetteError? {
        #expect(throws: CassetteError.self) { _ = try Cassette(path: path, access: access) }
    }

    private func truncate(_ path: String, to size: Int) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    private func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func missingFileOpenedReadOnlyIsNotFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(openError(directory.file("absent.sqlite"))?.code == .notFound)
        #expect(!FileManager.default.fileExists(atPath: directory.file("absent.sqlite")))
    }

    @Test func missingDirectoryIsNotFoundForWriting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(openError(directory.file("no/such/dir/tape.sqlite"), access: .readWrite)?.code == .notFound)
    }

    @Test func fileThatIsNotSQLiteIsNotSQLite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("notes.sqlite")
        try Data(String(repeating: "these are not the bytes of a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        #expect(openError(path)?.code == .notSQLite)
        #expect(openError(path, access: .readWrite)?.code == .notSQLite)
    }

    @Test func fileCutAtAPageBoundaryIsTruncated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory)
        let original = try size(of: path)
        try truncate(path, to: original / 2 / 8192 * 8192)
        #expect(openError(path)?.code == .truncated)
        #expect(openError(path, access: .readWrite)?.code == .truncated)
    }

    @Test func fileCutInsideAPageIsTruncated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory)
        try truncate(path, to: try size(of: path) - 100)
        #expect(openError(path)?.code == .truncated)
    }

    @Test func fileCutInsideItsHeaderIsTruncated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory)
        try truncate(path, to: 60)
        #expect(openError(path)?.code == .truncated)
    }

    @Test func damagedSchemaPageIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory)
        // Overwrite the b-tree part of page 1 (the schema), keeping the 100-byte file header.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xA5, count: 4_000))
        try handle.close()
        #expect(openError(path)?.code == .corrupt)
        #expect(openError(path, access: .readWrite)?.code == .corrupt)
    }

    @Test func cassetteFromANewerSchemaIsRefusedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory, exchanges: 1)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = 99 WHERE key = 'schema_version'") }
        try queue.close()
        #expect(openError(path)?.code == .schemaTooNew)
        #expect(openError(path, access: .readWrite)?.code == .schemaTooNew)
        let check = try DatabaseQueue(path: path)
        #expect(try check.read { try Int.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") } == 99)
        try check.close()
    }

    @Test func foreignSQLiteDatabaseIsNotACassetteAndIsNotSwitchedToWAL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("app.db")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE user (id INTEGER PRIMARY KEY, name TEXT)") }
        try queue.close()
        #expect(openError(path)?.code == .notACassette)
        #expect(openError(path, access: .readWrite)?.code == .notACassette)
        let check = try DatabaseQueue(path: path)
        #expect(try check.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        try check.close()
    }

    @Test func eachBrokenFileGetsItsOwnCode() throws {
        let codes: [CassetteError.Code] = [.notSQLite, .truncated, .corrupt, .schemaTooNew, .notACassette, .notFound]
        #expect(Set(codes).count == codes.count)
    }

    @Test func emptyFileBecomesACassetteWhenOpenedForWriting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let cassette = try Cassette(path: path)
        #expect(cassette.schemaVersion == 2)
        try cassette.record(try .get("http://h/", answer: "ok"))
        try cassette.close()
        #expect(try Cassette.verify(at: path).exchangeCount == 1)
    }

    @Test func secondWriterIsLockedOutUntilTheFirstCloses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("shared.sqlite")
        let first = try Cassette(path: path)
        #expect(openError(path, access: .readWrite)?.code == .locked)
        let reader = try Cassette(path: path, access: .readOnly)
        try reader.close()
        try first.close()
        let second = try Cassette(path: path)
        try second.close()
    }

    @Test func readOnlyCassetteRefusesToRecord() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeCassette(in: directory, exchanges: 1)
        let cassette = try Cassette(path: path, access: .readOnly)
        let error = #expect(throws: CassetteError.self) { _ = try cassette.beginExchange(.sample("GET", "http://h/")) }
        #expect(error?.code == .readOnly)
        try cassette.close()
    }

    @Test func closedCassetteRefusesToRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette(path: directory.file("closed.sqlite"))
        try cassette.close()
        try cassette.close()  // twice is fine
        let error = #expect(throws: CassetteError.self) { _ = try cassette.exchanges() }
        #expect(error?.code == .closed)
    }

    @Test func missingExchangeIsExchangeNotFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette(path: directory.file("tape.sqlite"))
        let error = #expect(throws: CassetteError.self) { _ = try cassette.timeline(of: ExchangeID(rawValue: 42)) }
        #expect(error?.code == .exchangeNotFound)
        try cassette.close()
    }
}
