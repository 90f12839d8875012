import Foundation

/// Writes a user-named output file atomically, with an error that names it.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandLineFailure.Message(description: "cannot write \(path): \(error.localizedDescription); check the directory exists and is writable.")
        }
    }
}
