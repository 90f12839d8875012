import ArgumentParser
import Cassette
import ContentCoding
import Foundation
import TapeCore

/// `xhrtape show`: one exchange in full — heads, timeline summary, body preview.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one exchange: request and response heads as recorded, a timeline summary and a body preview (content-decoded)."
    )

    enum BodyMode: String, ExpressibleByArgument, CaseIterable {
        /// The first lines of the decoded body (default).
        case preview
        /// The whole decoded body as text.
        case full
        /// The body bytes exactly as recorded (still encoded), to standard output only.
        case raw
        /// No body.
        case none
    }

    @Argument(help: "The cassette.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Argument(help: "The exchange id (from `xhrtape ls`).")
    var id: Int64

    @Option(help: "Body output: preview, full, raw (bytes as recorded, nothing else printed) or none.")
    var body: BodyMode = .preview

    @Flag(help: "List every timeline event with its offset.")
    var events = false

    func run() throws {
        let store = try Cassette(path: cassette, access: .readOnly)
        defer { try? store.close() }
        let exchangeID = ExchangeID(rawValue: id)
        let summary = try store.summary(of: exchangeID)
        let timeline = try store.timeline(of: exchangeID)
        let bodyBytes = timeline.entries.flatMap { entry -> [UInt8] in
            if case .responseBodyChunk(let bytes) = entry.event { return bytes }
            return []
        }
        if body == .raw {
            FileHandle.standardOutput.write(Data(bodyBytes))
            return
        }
        var out = ExchangeDescription.heads(summary, requestBody: try store.request(of: exchangeID).body)
        out += ExchangeDescription.timelineSummary(timeline) + "\n"
        if events { out += ExchangeDescription.eventList(timeline) }
        if body != .none {
            out += ExchangeDescription.body(bodyBytes, response: summary.response, full: body == .full)
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
