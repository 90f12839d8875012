public import ArgumentParser

/// xhrtape's own exit codes. Scripts depend on them: never renumber one.
extension ExitCode {
    /// `--fail-on-miss`: at least one request had no recording.
    public static let replayMiss = ExitCode(3)
}
