import GRDB

extension CassetteError {
    /// Translates an SQLite failure while `doing` something with the cassette at `path`.
    static func database(_ error: any Error, path: String, doing: String) -> CassetteError {
        if let error = error as? CassetteError { return error }
        guard let error = error as? DatabaseError else {
            return CassetteError(
                code: .storageFailure,
                message: "Could not \(doing) \(path): \(error). Check that the file is readable and the disk has space.",
                cause: error)
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT:
            return CassetteError(
                code: .corrupt,
                message: "\(path) is damaged: SQLite reported \"\(detail)\" while trying to \(doing) it. "
                    + "Restore it from version control, or re-record it.",
                cause: error)
        case .SQLITE_NOTADB:
            return CassetteError(
                code: .notSQLite,
                message: "\(path) is not an SQLite database, so it cannot be a cassette. "
                    + "Check the path, or record a new cassette there with `xhrtape record`.",
                cause: error)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CassetteError(
                code: .locked,
                message: "\(path) is locked by another connection (\(detail)) and could not \(doing) it. "
                    + "Wait for the other process to finish, or use another cassette.",
                cause: error)
        default:
            return CassetteError(
                code: .storageFailure,
                message: "Could not \(doing) \(path): SQLite reported \"\(detail)\" (\(error.resultCode)). "
                    + "Check permissions and free disk space.",
                cause: error)
        }
    }
}
