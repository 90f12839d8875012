import ArgumentParser
import Cassette
import Foundation
import TapeCore
import Trace
import XHR

/// `xhrtape trace`: replays a cassette into the XMLHttpRequest on a virtual clock and writes the trace.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Replay a cassette's exchanges into the Swift XMLHttpRequest on a virtual clock and write the event trace (JSON Lines).",
        discussion: """
            Each exchange becomes one XHR (redirect hops are followed by the XHR, not traced twice). \
            A 30-second recording traces in milliseconds with the same events every run. With --like, \
            the XHRs and their settings (timeout, responseType, upload listeners, abort moment) come \
            from an existing trace's request lines — e.g. a browser's — so the two can be compared \
            with `xhrtape diff`.
            """
    )

    @Argument(help: "The cassette to replay.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    @Option(name: .long, help: "Trace only this exchange id (repeatable; ids as `xhrtape ls` shows them).")
    var exchange: [Int64] = []

    @Option(name: .long, help: "Trace only exchanges whose URL contains this text.")
    var url: String?

    @Option(help: "XHR behaviour to reproduce: \(XHRProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: XHRProfile = .spec

    @Option(help: "xhr.timeout in milliseconds for every XHR (0: none).")
    var timeout: Int64 = 0

    @Option(help: "xhr.responseType for every XHR: text, arraybuffer, blob, json (default: empty).")
    var responseType: XMLHttpRequest.ResponseType = .empty

    @Option(help: "Replay timing: original, instant, scaled:K, fixed:MS.")
    var timing: TimingMode = .original

    @Option(help: "Take the XHRs and their settings from this trace's request lines.", completion: .file(extensions: ["jsonl"]))
    var like: String?

    @Option(name: .shortAndLong, help: "Write the trace here instead of standard output.", completion: .file())
    var output: String?

    @Flag(help: "Exit with 3 when a request has no recording (the XHR gets a network error either way).")
    var failOnMiss = false

    func validate() throws {
        guard timeout >= 0 else { throw ValidationError("--timeout must be 0 or more milliseconds, got \(timeout).") }
        if like != nil, timeout != 0 || responseType != .empty {
            throw ValidationError("--like takes timeout and responseType from the trace; drop --timeout/--response-type.")
        }
    }

    func run() throws {
        let likeTrace = try like.map { path in try TraceDocument(jsonl: InputFile.text(at: path, what: "trace")) }
        let store = try Cassette(path: cassette, access: .readOnly)
        defer { try? store.close() }
        let tracer = CassetteTracer(options: .init(
            profile: profile, timing: timing, timeoutMillis: timeout, responseType: responseType,
            exchanges: exchange.isEmpty ? nil : Set(exchange.map(ExchangeID.init(rawValue:))),
            urlContaining: url, like: likeTrace))
        let progress = TerminalProgress(label: "traced")
        let outcome = try tracer.trace(store) { done, total in progress.update(done, of: total) }
        progress.finish()
        if let output {
            try OutputFile.write(outcome.trace.jsonl, to: output)
        } else {
            FileHandle.standardOutput.write(Data(outcome.trace.jsonl.utf8))
        }
        for miss in outcome.misses {
            FileHandle.standardError.write(Data("warning: \(miss.message.split(whereSeparator: \.isNewline).joined(separator: " "))\n".utf8))
        }
        if failOnMiss, !outcome.misses.isEmpty { throw ExitCode.replayMiss }
    }
}
