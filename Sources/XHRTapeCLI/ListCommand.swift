import ArgumentParser
import Cassette
import Foundation
import TapeCore

/// `xhrtape ls`: one line per recorded exchange.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List a cassette's exchanges: id, method, status, body size, timeline events, duration, URL."
    )

    @Argument(help: "The cassette to list.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Flag(help: "One JSON object per exchange (JSON Lines) instead of a table.")
    var json = false

    func run() throws {
        let store = try Cassette(path: cassette, access: .readOnly)
        defer { try? store.close() }
        let summaries = try store.exchanges()
        var out = ""
        if json {
            for summary in summaries { out += ExchangeListing.json(summary) + "\n" }
        } else {
            out += ExchangeListing.tableHeader + "\n"
            for summary in summaries { out += ExchangeListing.row(summary) + "\n" }
            out += "\(summaries.count) exchange\(summaries.count == 1 ? "" : "s")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
