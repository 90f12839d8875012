import ArgumentParser
import Foundation

/// How the file commands (`export`, `import`, `report`) fail: one line on standard error and
/// exit status 2.
enum CommandFailure {
    /// Prints `error` as one line, `xhrtape: …`, and returns the exit code to throw.
    static func exit(_ error: any Error) -> ExitCode {
        let line = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("xhrtape: \(line)\n".utf8))
        return ExitCode(2)
    }
}
