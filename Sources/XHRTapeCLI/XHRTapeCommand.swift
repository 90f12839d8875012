public import ArgumentParser

/// The `xhrtape` command: record HTTP traffic with per-chunk timing, replay it into
/// a spec-faithful XMLHttpRequest on a virtual clock, and diff the traces.
public struct XHRTapeCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "xhrtape",
        abstract: "Record HTTP exchanges with per-chunk timing and replay them as XMLHttpRequest traces.",
        subcommands: [
            Record.self,
            Replay.self,
            ServeScenarios.self,
            Export.self,
            Import.self,
            Report.self,
        ]
    )

    public init() {}
}
