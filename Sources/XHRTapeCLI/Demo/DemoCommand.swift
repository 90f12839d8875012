import ArgumentParser
import Foundation
import Trace

/// `xhrtape demo`: the product end to end against the built-in scenario server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Record live XHRs through the proxy, replay them offline on the virtual clock, compare the traces, and diff a second session.",
        discussion: """
            Everything runs on 127.0.0.1 against the built-in scenario server; nothing else on the \
            network is touched. The files (cassettes, traces, the diff) stay in the directory it names. \
            Exit 0 when the replay matches the live run, 1 when it does not.
            """
    )

    @Option(help: "Directory for the demo's files (default: a new temporary directory).", completion: .directory)
    var directory: String?

    @Option(help: """
        How far live and replayed event times may differ: 10ms, 10%, or both as 10ms,10% (the larger applies). \
        The default is wider than `diff`'s 5 ms: the live XHRs run through the proxy, and the time a request \
        spends between the client and the proxy (a few ms per hop in a debug build) is not in the recording.
        """)
    var tolerance = TraceTolerance(absoluteMicros: 10_000, relative: 0.1)

    @Option(help: "Colour: auto (on a terminal unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    func run() async throws {
        let folder: URL
        if let directory {
            folder = URL(fileURLWithPath: directory)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-demo-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let run = DemoRun(directory: folder, color: color.isEnabled, tolerance: tolerance, print: { Swift.print($0); fflush(nil) })
        let outcome = try await run.run()
        if !outcome.liveMatchesReplay { throw ExitCode(1) }
    }
}
