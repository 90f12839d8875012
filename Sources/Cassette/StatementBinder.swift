import Foundation
import GRDB
import GRDBSQLite

/// Binds a cached statement's parameters, in order, straight through SQLite's C API, then runs it.
///
/// The recording writer inserts rows of twenty-odd columns for every exchange. Through GRDB's
/// `StatementArguments` each value became an existential and a `DatabaseValue` first; this binds
/// the values as they are. A statement is bound and run by one binder at a time, on the writer.
struct StatementBinder {
    private let statement: Statement
    private let db: Database
    private var position: CInt = 0

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.db = db
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    mutating func bind(_ value: Int64?) throws {
        let index = nextIndex()
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    mutating func bind(_ value: Int?) throws {
        try bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Bool) throws {
        try bind(Int64(value ? 1 : 0))
    }

    mutating func bind(_ value: String?) throws {
        let index = nextIndex()
        guard var value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        let handle = statement.sqliteStatement
        let code = value.withUTF8 { text -> CInt in
            guard let base = text.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            return base.withMemoryRebound(to: CChar.self, capacity: text.count) { characters in
                sqlite3_bind_text(handle, index, characters, CInt(text.count), Self.transient)
            }
        }
        try check(code)
    }

    /// Binds `value` as a blob (an empty one is a zero-length blob, not NULL); nil binds NULL.
    mutating func bind(_ value: Data?) throws {
        let index = nextIndex()
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        let code = value.withUnsafeBytes { raw in
            raw.baseAddress.map { sqlite3_bind_blob(statement.sqliteStatement, index, $0, CInt(raw.count), Self.transient) }
                ?? sqlite3_bind_zeroblob(statement.sqliteStatement, index, 0)
        }
        try check(code)
    }

    /// Binds `bytes` as a blob that SQLite reads in place (`SQLITE_STATIC`), without a copy:
    /// call ``run()`` while `bytes` is still valid, which unbinds it.
    mutating func bindBorrowedBlob(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return try bindEmptyBlob() }
        // A nil destructor is SQLITE_STATIC.
        try check(sqlite3_bind_blob(statement.sqliteStatement, nextIndex(), base, CInt(bytes.count), nil))
    }

    /// Binds an empty blob (not NULL): the mark of a request body kept in its events, or an empty chunk.
    mutating func bindEmptyBlob() throws {
        try check(sqlite3_bind_zeroblob(statement.sqliteStatement, nextIndex(), 0))
    }

    /// Runs the statement once, then resets it and unbinds every value.
    func run() throws {
        defer {
            sqlite3_reset(statement.sqliteStatement)
            sqlite3_clear_bindings(statement.sqliteStatement)
        }
        precondition(position == sqlite3_bind_parameter_count(statement.sqliteStatement),
                     "\(position) values bound to a statement of \(sqlite3_bind_parameter_count(statement.sqliteStatement)) parameters: \(statement.sql)")
        try check(sqlite3_step(statement.sqliteStatement))
    }

    private mutating func nextIndex() -> CInt {
        position += 1
        return position
    }

    private func check(_ code: CInt) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE else {
            throw DatabaseError(sqliteCode: code, on: db, sql: statement.sql)
        }
    }
}
