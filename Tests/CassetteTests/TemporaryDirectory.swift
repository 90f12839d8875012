import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        self.path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cassette-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
    }

    /// `path/name`.
    func file(_ name: String) -> String {
        self.path + "/" + name
    }

    /// Every byte of every file in the directory (the cassette, its -wal and -shm).
    func allBytes() throws -> [UInt8] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted().flatMap { name in
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}
