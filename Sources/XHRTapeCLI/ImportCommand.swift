import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape import`: a HAR file's entries into a cassette.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a HAR file (xhrtape, DevTools, Playwright, Polly.js) to a cassette.",
        discussion: """
            Without xhrtape's chunk data, timing is rebuilt from each entry's timings: the body arrives in 16 KiB \
            pieces spread evenly over `receive`. Secrets are redacted as when recording. Interim 1xx entries \
            (WebSockets) are skipped and listed. A malformed file is reported with the JSON path of the bad value.
            """
    )

    @Argument(help: "The HAR file to read.", completion: .file(extensions: ["har"]))
    var har: String

    @OptionGroup var cassette: CassettePathOption

    func run() throws {
        let document = try HARImporter.decode(Data(try InputFile.text(at: har, what: "HAR").utf8))
        let store = try Cassette(path: cassette.cassette)
        defer { try? store.close() }
        let outcome = try HARImporter().importDocument(document, into: store)
        try store.close()
        let count = outcome.imported.count
        print("Imported \(count) exchange\(count == 1 ? "" : "s") into \(cassette.cassette).")
        for skipped in outcome.skipped {
            print("Skipped \(skipped.jsonPath): \(skipped.message)")
        }
    }
}
