import ArgumentParser

/// How the command line reports a failure: usage errors with ArgumentParser's own
/// message and usage line; everything else as one line, the error's own message.
enum CommandLineFailure {
    static func isUsageError(_ error: any Error) -> Bool {
        error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// The error's message on one line.
    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension CommandLineFailure {
    /// A failure whose message is the whole story: a file that cannot be read or written,
    /// a benchmark tool that failed.
    struct Message: Error, CustomStringConvertible {
        var description: String
    }
}
