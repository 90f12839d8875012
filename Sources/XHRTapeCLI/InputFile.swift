import Foundation

/// Reads a user-named input file, with an error that names it.
enum InputFile {
    static func text(at path: String, what: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandLineFailure.Message(description: "\(what) file \(path) does not exist; check the path.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineFailure.Message(description: "cannot read \(what) file \(path); check its permissions.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
