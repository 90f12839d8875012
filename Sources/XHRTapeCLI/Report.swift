import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape report`: a cassette as a self-contained HTML timeline.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML timeline of a cassette: a waterfall with chunk arrivals, and trace events as markers.",
        discussion: """
            The page needs no network. Without JavaScript it is a summary table whose last column draws each \
            exchange's bar and chunk ticks; with it, clicking a row shows the heads, a body preview and the events. \
            Exits 2 with a one-line message on error.
            """
    )

    @Argument(help: "The cassette to show.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Option(name: .shortAndLong, help: "Where to write the HTML page.", completion: .file(extensions: ["html"]))
    var output: String

    func run() throws {
        do {
            let store = try Cassette(path: cassette, access: .readOnly)
            let report = TimelineReport(title: (cassette as NSString).lastPathComponent)
            let html = try report.html(for: store)
            try store.close()
            try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            print("Wrote \(output) (\(html.utf8.count) bytes).")
        } catch {
            throw CommandFailure.exit(error)
        }
    }
}
