import GRDB
import GRDBSQLite

extension DatabaseError {
    /// The error for a result `code` that a direct call into SQLite's C API returned on `db`'s
    /// connection, with SQLite's message for it.
    init(sqliteCode code: CInt, on db: Database, sql: String? = nil) {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        self.init(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
