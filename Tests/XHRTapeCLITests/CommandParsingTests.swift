import ArgumentParser
import Testing
@testable import XHRTapeCLI

/// Every subcommand parses in-process (`parseAsRoot`) to its own type, and rejects a
/// bad value with a usage error before doing anything.
struct CommandParsingTests {
    @Test(arguments: [
        (["record", "-c", "a.sqlite", "--port", "0"], "Record"),
        (["record", "-c", "a.sqlite", "--event-loops", "2"], "Record"),
        (["record", "-c", "a.sqlite", "--only-host", "*.example.test", "--only-host", "localhost:8080", "--ignore-host", "[::1]"], "Record"),
        (["replay", "-c", "a.sqlite", "--ignore-host", "tracker.example.test"], "Replay"),
        (["replay", "-c", "a.sqlite", "--match-body", "json", "--match-header", "Accept", "--ignore-query-param", "_", "--ignore-query-order"], "Replay"),
        (["record", "-c", "a.sqlite", "--mode", "new", "--match-body", "form"], "Record"),
        (["replay", "-c", "a.sqlite", "--timing", "scaled:2"], "Replay"),
        (["trace", "a.sqlite", "--profile", "chromium", "--timeout", "500", "--response-type", "json"], "TraceCommand"),
        (["diff", "a.jsonl", "b.jsonl", "--tolerance", "10ms,20%"], "DiffCommand"),
        (["ls", "a.sqlite", "--json"], "ListCommand"),
        (["show", "a.sqlite", "3", "--body", "raw"], "ShowCommand"),
        (["verify", "a.sqlite"], "VerifyCommand"),
        (["live", "http://127.0.0.1:1/x", "--timeout", "100"], "LiveCommand"),
        (["export", "a.sqlite", "-o", "a.har"], "ExportCommand"),
        (["import", "a.har", "-c", "a.sqlite"], "ImportCommand"),
        (["report", "a.sqlite", "-o", "r.html"], "ReportCommand"),
        (["demo", "--directory", "/tmp/x", "--color", "never"], "DemoCommand"),
        (["bench", "replay", "--sizes", "10", "20"], "ReplayBenchCommand"),
        (["ca", "path"], "CAPath"),
        (["serve-scenarios", "--port", "0", "--no-tls"], "ServeScenarios"),
    ])
    func eachSubcommandParsesToItsType(arguments: [String], type: String) throws {
        let command = try XHRTapeCommand.parseAsRoot(arguments)
        #expect(String(describing: Swift.type(of: command)) == type)
    }

    @Test(arguments: [
        ["trace", "a.sqlite", "--timeout", "-1"],
        ["trace", "a.sqlite", "--profile", "firefox"],
        ["trace", "a.sqlite", "--timing", "sometimes"],
        ["trace", "a.sqlite", "--like", "t.jsonl", "--timeout", "5"],
        ["diff", "a.jsonl", "b.jsonl", "--tolerance", "soon"],
        ["show", "a.sqlite", "three"],
        ["live"],
        ["live", "http://x/", "--like", "t.jsonl"],
        ["bench", "replay", "--sizes", "0"],
        ["demo", "--color", "purple"],
        ["ls"],
        ["record", "-c", "a.sqlite", "--event-loops", "0"],
        ["replay", "-c", "a.sqlite", "--drain-seconds", "-1"],
        ["record", "-c", "a.sqlite", "--only-host", "http://example.test/"],
        ["replay", "-c", "a.sqlite", "--ignore-host", "a..example.test"],
        ["record", "-c", "a.sqlite", "--ignore-host", "example.test:99999"],
        ["replay", "-c", "a.sqlite", "--match-body", "xml"],
        ["replay", "-c", "a.sqlite", "--match-header", "Bad Name"],
        ["record", "-c", "a.sqlite", "--ignore-query-param", ""],
        ["frobnicate"],
    ])
    func badValuesAreUsageErrorsThatExit2(arguments: [String]) async {
        #expect(throws: (any Error).self) { try XHRTapeCommand.parseAsRoot(arguments) }
        #expect(await XHRTapeCommand.run(arguments: arguments) == 2)
    }
}
