import Foundation

/// Files of this repository, found from this source file's path.
enum RepositoryFiles {
    /// The repository's root directory.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `root/relative`.
    static func path(_ relative: String) -> String {
        root + "/" + relative
    }

    /// The bytes of `root/relative`.
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(relative)))
    }
}
