import Foundation

/// A one-line progress counter on standard error, shown only when standard error is a
/// terminal (quiet when piped or in CI), redrawn at most ten times a second.
final class TerminalProgress {
    private let label: String
    private let enabled: Bool
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    init(label: String, enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, ContinuousClock.now - lastDraw >= .milliseconds(100) || done == total else { return }
        lastDraw = ContinuousClock.now
        drawn = true
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
    }

    /// Clears the line.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
