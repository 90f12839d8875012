import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape export`: a cassette as a HAR 1.2 file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a cassette as a HAR 1.2 file (DevTools, Playwright's routeFromHAR, HAR viewers).",
        discussion: """
            Bodies are decoded as HAR asks; the _xhrtape, _xhrtapeChunks and _xhrtapeEncodedBody \
            fields keep the wire bytes and every chunk's timing, so `xhrtape import` restores the cassette exactly.
            """
    )

    @Argument(help: "The cassette to export.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Option(name: .shortAndLong, help: "Where to write the HAR file.", completion: .file(extensions: ["har"]))
    var output: String

    func run() throws {
        let store = try Cassette(path: cassette, access: .readOnly)
        defer { try? store.close() }
        let document = try HARExporter().document(from: store)
        try OutputFile.write(String(decoding: HARExporter.encode(document), as: UTF8.self), to: output)
        let count = document.log.entries.count
        print("Exported \(count) exchange\(count == 1 ? "" : "s") to \(output).")
    }
}
