import Foundation

/// What the first bytes and the size of a file say about it, used to explain why SQLite refused
/// to open it.
///
/// Reading the file outside SQLite is only safe when no SQLite connection in this process holds
/// it: closing any descriptor of a file drops every POSIX lock this process holds on it. So the
/// inspection runs only after SQLite has already failed, when the connection is gone.
package struct CassetteFileInspection {
    /// The verdict.
    enum Verdict: Equatable {
        /// Not an SQLite file: the 16-byte magic string is missing.
        case notSQLite
        /// An SQLite header announcing more pages than the file holds, or a partial page.
        case truncated(expectedBytes: Int64, actualBytes: Int64)
        /// The header and size are consistent; the damage is inside.
        case damagedInside
    }

    /// `SQLite format 3\0`: the first 16 bytes of every SQLite database.
    package static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    let verdict: Verdict

    /// Inspects the file at `path`; nil if it cannot be read.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil,
              let header = try? handle.read(upToCount: 100)
        else { return nil }
        self.verdict = Self.judge(header: [UInt8](header), fileSize: Int64(size))
    }

    /// Judges a file from its first 100 bytes (or fewer) and its size.
    static func judge(header: [UInt8], fileSize: Int64) -> Verdict {
        guard header.count >= magic.count, Array(header.prefix(magic.count)) == magic else {
            return .notSQLite
        }
        guard header.count == 100 else {
            return .truncated(expectedBytes: 100, actualBytes: fileSize)
        }
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return .damagedInside }
        if fileSize % pageSize != 0 {
            return .truncated(expectedBytes: (fileSize / pageSize + 1) * pageSize, actualBytes: fileSize)
        }
        let pageCount = header[28..<32].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        // The in-header size is valid only when the change counter matches "version-valid-for".
        let headerSizeIsValid = header[24..<28] == header[92..<96] && pageCount > 0
        if headerSizeIsValid, pageCount * pageSize > fileSize {
            return .truncated(expectedBytes: pageCount * pageSize, actualBytes: fileSize)
        }
        return .damagedInside
    }
}
