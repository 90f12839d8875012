import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape report`: a cassette as a self-contained HTML timeline.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML timeline of a cassette: a waterfall with chunk arrivals, and a trace's XHR events as markers.",
        discussion: """
            The page needs no network. Without JavaScript it is a summary table whose last column draws each \
            exchange's bar and chunk ticks; with it, clicking a row shows the heads, a body preview and the events. \
            A trace's XHRs are placed on the first unused exchange with the same method and URL.
            """
    )

    @Argument(help: "The cassette to show.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Option(help: "A trace (JSON Lines) of the same exchanges, e.g. from `xhrtape trace`, to mark its events.", completion: .file(extensions: ["jsonl"]))
    var trace: String?

    @Option(name: .shortAndLong, help: "Where to write the HTML page.", completion: .file(extensions: ["html"]))
    var output: String

    func run() throws {
        let lines = try trace.map { path in try TraceDocument(jsonl: InputFile.text(at: path, what: "trace")).lines } ?? []
        let store = try Cassette(path: cassette, access: .readOnly)
        defer { try? store.close() }
        let html = try TimelineReport(title: (cassette as NSString).lastPathComponent).html(for: store, trace: lines)
        try OutputFile.write(html, to: output)
        print("Wrote \(output) (\(html.utf8.count) bytes).")
    }
}
