import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape export`: a cassette as a HAR 1.2 file.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a cassette as a HAR 1.2 file (DevTools, Playwright's routeFromHAR, HAR viewers).",
        discussion: """
            Bodies are decoded as HAR asks; the _xhrtape, _xhrtapeChunks and _xhrtapeEncodedBody \
            fields keep the wire bytes and every chunk's timing, so `xhrtape import` restores the cassette exactly. \
            Exits 2 with a one-line message on error.
            """
    )

    @Argument(help: "The cassette to export.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Option(name: .shortAndLong, help: "Where to write the HAR file.", completion: .file(extensions: ["har"]))
    var output: String

    func run() throws {
        do {
            let store = try Cassette(path: cassette, access: .readOnly)
            let document = try HARExporter().document(from: store)
            try store.close()
            try HARExporter.encode(document).write(to: URL(fileURLWithPath: output))
            print("Exported \(document.log.entries.count) exchange\(document.log.entries.count == 1 ? "" : "s") to \(output).")
        } catch {
            throw CommandFailure.exit(error)
        }
    }
}
