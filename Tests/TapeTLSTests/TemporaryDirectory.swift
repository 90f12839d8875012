import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        self.path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tapetls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
    }

    /// `path/name`.
    func file(_ name: String) -> String {
        self.path + "/" + name
    }

    /// Writes `contents` to `path/name` and returns that path.
    @discardableResult
    func write(_ contents: String, to name: String) throws -> String {
        try contents.write(toFile: self.file(name), atomically: false, encoding: .utf8)
        return self.file(name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}
