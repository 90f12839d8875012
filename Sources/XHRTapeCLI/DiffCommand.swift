import ArgumentParser
import Foundation
import Trace

/// `xhrtape diff A B`: compares two cassettes or two traces.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two cassettes, or two traces: what was added, removed and changed.",
        discussion: """
            Cassettes: exchanges are paired by method and normalised URL (then recorded order) and compared on \
            status, headers, bodies (decoded; by JSON path when both are JSON) and chunk timing. \
            Traces: XHRs are paired by index and their events aligned; type, target, readyState, status and \
            progress numbers must be equal, times within the tolerance. \
            Exit status: 0 equal, 1 different, 2 an error (bad options; an input missing, unreadable, corrupt or \
            malformed; a cassette compared with a trace).
            """
    )

    @Argument(help: "The expected cassette or trace (before, golden).", completion: .file(extensions: ["sqlite", "jsonl"]))
    var expected: String

    @Argument(help: "The actual cassette or trace (after, replayed).", completion: .file(extensions: ["sqlite", "jsonl"]))
    var actual: String

    @Option(help: "How far apart times may be: 5ms, 10%, or 5ms,10% (whichever is larger; the default).")
    var tolerance: TraceTolerance = .default

    @Flag(help: "Print one JSON object instead of the human form.")
    var json = false

    @Option(help: "Colour the human form: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .customLong("ignore-header"), help: "Cassettes: a header name not to compare (repeatable), e.g. Date.")
    var ignoredHeaders: [String] = []

    /// The comparison's verdict and its text.
    struct Outcome {
        var isEqual: Bool
        var text: String
    }

    /// Reads both inputs and compares them.
    ///
    /// - Throws: ``DiffInput/Failure`` when an input cannot be read or the two are of different kinds.
    func compare(color useColor: Bool) throws(DiffInput.Failure) -> Outcome {
        let (left, right) = (try DiffInput.open(expected), try DiffInput.open(actual))
        let (name, otherName) = ((expected as NSString).lastPathComponent, (actual as NSString).lastPathComponent)
        switch (left, right) {
        case (.cassette(let a), .cassette(let b)):
            let diff: CassetteDiff
            do {
                diff = try CassetteDiff(expected: a, actual: b, tolerance: tolerance, ignoringHeaders: Set(ignoredHeaders))
            } catch {
                throw DiffInput.Failure(reason: .corruptCassette, description: CommandLineFailure.oneLine(error))
            }
            return Outcome(isEqual: diff.isEqual, text: json ? diff.json + "\n" : diff.rendered(expectedName: name, actualName: otherName, color: useColor))
        case (.trace(let a), .trace(let b)):
            let diff = TraceDiff(expected: a, actual: b, tolerance: tolerance)
            return Outcome(isEqual: diff.isEqual, text: json ? diff.json + "\n" : diff.rendered(expectedName: name, actualName: otherName, color: useColor))
        default:
            throw DiffInput.Failure(reason: .mixedKinds, description: "cannot compare \(left.kind) with \(right.kind): \(expected) is \(left.kind), "
                + "\(actual) is \(right.kind); compare two cassettes or two traces.")
        }
    }

    func run() throws {
        let outcome = try compare(color: !json && color.isEnabled)
        FileHandle.standardOutput.write(Data(outcome.text.utf8))
        if !outcome.isEqual { throw ExitCode(1) }
    }
}
