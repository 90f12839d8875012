import ArgumentParser
import Cassette
import Foundation
import Trace

/// `xhrtape import`: a HAR file's entries into a cassette.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a HAR file (xhrtape, DevTools, Playwright, Polly.js) to a cassette.",
        discussion: """
            Without xhrtape's chunk data, timing is rebuilt from each entry's timings: the body arrives in 16 KiB \
            pieces spread evenly over `receive`. Secrets are redacted as when recording. Interim 1xx entries \
            (WebSockets) are skipped and listed. Exits 2 with a one-line message naming the JSON path of a bad value.
            """
    )

    @Argument(help: "The HAR file to read.", completion: .file(extensions: ["har"]))
    var har: String

    @OptionGroup var cassette: CassettePathOption

    func run() throws {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: har))
            let document = try HARImporter.decode(data)
            let store = try Cassette(path: cassette.cassette)
            let outcome: HARImporter.Outcome
            do {
                outcome = try HARImporter().importDocument(document, into: store)
            } catch {
                try? store.close()
                throw error
            }
            try store.close()
            print("Imported \(outcome.imported.count) exchange\(outcome.imported.count == 1 ? "" : "s") into \(cassette.cassette).")
            for skipped in outcome.skipped {
                print("Skipped \(skipped.jsonPath): \(skipped.message)")
            }
        } catch {
            throw CommandFailure.exit(error)
        }
    }
}
