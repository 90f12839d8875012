import Cassette
import Foundation
import Trace

/// One side of `xhrtape diff`: a cassette or a trace, told apart by the file's first bytes.
enum DiffInput {
    case cassette(Cassette)
    case trace(TraceDocument)

    /// Why an input cannot be compared; its description is one line naming the file.
    struct Failure: Error, CustomStringConvertible {
        enum Reason: Equatable {
            case missing, unreadable, unknownKind, corruptCassette, malformedTrace, mixedKinds
        }

        var reason: Reason
        var description: String
    }

    /// `a cassette` or `a trace`, for messages.
    var kind: String {
        switch self {
        case .cassette: "a cassette"
        case .trace: "a trace"
        }
    }

    /// Opens `path`: a file starting with SQLite's magic bytes as a cassette, a file whose
    /// first line is a JSON object as a trace.
    ///
    /// - Throws: ``Failure`` for a missing or unreadable file, a damaged cassette, a malformed
    ///   trace or anything else.
    static func open(_ path: String) throws(Failure) -> DiffInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Failure(reason: .missing, description: "\(path) does not exist; give the path of a cassette (.sqlite) or a trace (.jsonl).")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(reason: .unreadable, description: "cannot read \(path); check its permissions.")
        }
        let start = try? handle.read(upToCount: CassetteFileInspection.magic.count)
        try? handle.close()
        if let start, start.starts(with: CassetteFileInspection.magic) {
            do {
                return .cassette(try Cassette(path: path, access: .readOnly))
            } catch {
                throw Failure(reason: .corruptCassette, description: CommandLineFailure.oneLine(error))
            }
        }
        let text: String
        do {
            text = try InputFile.text(at: path, what: "trace")
        } catch {
            throw Failure(reason: .unreadable, description: CommandLineFailure.oneLine(error))
        }
        guard text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" else {
            throw Failure(reason: .unknownKind, description: "\(path) is neither a cassette (an SQLite file) nor an xhrtape trace "
                + #"(JSON Lines starting with {"trace":"xhrtape",…}); check the path."#)
        }
        do {
            return .trace(try TraceDocument(jsonl: text))
        } catch {
            throw Failure(reason: .malformedTrace, description: "\(path): " + CommandLineFailure.oneLine(error))
        }
    }
}
