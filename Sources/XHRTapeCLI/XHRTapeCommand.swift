public import ArgumentParser
import Foundation

/// The `xhrtape` command: record HTTP traffic with per-chunk timing, replay it into
/// a spec-faithful XMLHttpRequest on a virtual clock, and diff the traces.
public struct XHRTapeCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "xhrtape",
        abstract: "Record HTTP exchanges with per-chunk timing and replay them as XMLHttpRequest traces.",
        discussion: """
            Exit codes: 0 success (or equal, for diff); 1 a finding: inputs differ (diff), the \
            cassette is damaged (verify), the replay does not match the live run (demo); 2 an \
            error: unknown flags or bad values, missing or unreadable files, corrupt cassettes, \
            malformed traces; 3 requests missed the cassette (--fail-on-miss). Errors are one \
            line on standard error.
            Shell completion: xhrtape --generate-completion-script bash|zsh|fish.
            """,
        subcommands: [
            Record.self, Replay.self, TraceCommand.self, ListCommand.self, ShowCommand.self,
            VerifyCommand.self, DiffCommand.self, LiveCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
            DemoCommand.self, BenchCommand.self, CA.self, ServeScenarios.self,
        ]
    )

    public init() {}

    /// Runs the command line `arguments` (without the program name) and returns the
    /// process exit code, mapping every failure onto the documented codes.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            if exitCode(for: error) == .success {
                // --help, --version, --generate-completion-script
                print(fullMessage(for: error))
                return 0
            }
            let message = CommandLineFailure.isUsageError(error) ? fullMessage(for: error) : "error: \(CommandLineFailure.oneLine(error))"
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
    }
}
