import ArgumentParser
import Foundation
import Testing
import Trace
@testable import XHRTapeCLI

/// `xhrtape diff`: in-process through the parser, and the built binary for exit codes.
struct DiffCommandTests {
    private func command(_ arguments: [String]) throws -> DiffCommand {
        try #require(try XHRTapeCommand.parseAsRoot(["diff"] + arguments) as? DiffCommand)
    }

    private func failure(_ arguments: [String]) throws -> DiffInput.Failure.Reason? {
        let diff = try command(arguments)
        do throws(DiffInput.Failure) {
            _ = try diff.compare(color: false)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func defaultsAreTheDesignedToleranceAutomaticColourAndHumanOutput() throws {
        let diff = try command(["a.jsonl", "b.jsonl"])
        #expect(diff.tolerance == .default)
        #expect(diff.color == .auto)
        #expect(!diff.json)
        #expect(try command(["a", "b", "--tolerance", "2ms,1%"]).tolerance == TraceTolerance(absoluteMicros: 2_000, relative: 0.01))
    }

    @Test(arguments: [["a", "b", "--bogus"], ["a", "b", "--tolerance", "fast"], ["a", "b", "--color", "sometimes"], ["a"]])
    func badOptionsAreUsageErrorsThatExitTwo(arguments: [String]) async {
        #expect(throws: (any Error).self) { try XHRTapeCommand.parseAsRoot(["diff"] + arguments) }
        #expect(await XHRTapeCommand.run(arguments: ["diff"] + arguments) == 2)
    }

    @Test func tracesCompareInProcess() throws {
        let files = try DiffFixtures()
        defer { files.remove() }
        let a = try files.trace("a.jsonl"), same = try files.trace("same.jsonl", loadendMicros: 52_000)
        let late = try files.trace("late.jsonl", loadendMicros: 90_000)
        #expect(try command([a, same]).compare(color: false).isEqual)
        let outcome = try command([a, late]).compare(color: false)
        #expect(!outcome.isEqual)
        #expect(outcome.text.contains("  ~ "))
        #expect(try command([a, late, "--tolerance", "50ms"]).compare(color: false).isEqual)
    }

    @Test func cassettesCompareInProcess() throws {
        let files = try DiffFixtures()
        defer { files.remove() }
        let a = try files.cassette("a.sqlite", bodies: [("http://h/x", #"{"n":1}"#)])
        let b = try files.cassette("b.sqlite", bodies: [("http://h/x", #"{"n":2}"#), ("http://h/y", "{}")])
        #expect(try command([a, a]).compare(color: false).isEqual)
        let outcome = try command([a, b]).compare(color: false)
        #expect(!outcome.isEqual)
        #expect(outcome.text.contains("~ response body $.n 1 → 2"))
        #expect(outcome.text.contains("+ -→#2"))
    }

    @Test func badInputsAreNamedFailures() throws {
        let files = try DiffFixtures()
        defer { files.remove() }
        let trace = try files.trace("a.jsonl")
        let cassette = try files.cassette("a.sqlite", bodies: [])
        let corrupt = try files.file("corrupt.sqlite", "SQLite format 3\0" + String(repeating: "garbage ", count: 200))
        let malformed = try files.file("bad.jsonl", #"{"trace":"xhrtape","version":1,"profile":"spec","source":"replay"}"# + "\n{\"xhr\":0,\"t\":\n")
        let text = try files.file("notes.txt", "hello\n")
        #expect(try failure([trace, files.directory + "/missing.jsonl"]) == .missing)
        #expect(try failure([trace, cassette]) == .mixedKinds)
        #expect(try failure([corrupt, cassette]) == .corruptCassette)
        #expect(try failure([trace, malformed]) == .malformedTrace)
        #expect(try failure([text, trace]) == .unknownKind)
    }

    /// Runs `xhrtape diff arguments…` from the built binary.
    private func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = try XHRTapeProcess.run(["diff"] + arguments)
        return (process.status, process.output, process.errors)
    }

    @Test func theBinaryExitsZeroForEqualOneForDifferentAndTwoForErrors() throws {
        let files = try DiffFixtures()
        defer { files.remove() }
        let a = try files.trace("a.jsonl"), b = try files.trace("b.jsonl", status: 404)
        let cassette = try files.cassette("c.sqlite", bodies: [("http://h/x", "{}")])
        let other = try files.cassette("d.sqlite", bodies: [])
        let malformed = try files.file("bad.jsonl", "{\"trace\":\"xhrtape\"}\nnot json\n")
        #expect(try run([a, a]).0 == 0)
        #expect(try run([cassette, cassette]).0 == 0)
        #expect(try run([a, b]).0 == 1)
        #expect(try run([cassette, other]).0 == 1)
        for arguments in [[a, files.directory + "/none.jsonl"], [a, cassette], [a, malformed]] {
            let (status, out, err) = try run(arguments)
            #expect(status == 2)
            #expect(out.isEmpty)
            #expect(err.hasPrefix("error: ") && err.filter { $0 == "\n" }.count == 1, "\(err)")
        }
        #expect(try run([a, b, "--bogus"]).0 == 2)
    }

    @Test func theBinaryPrintsJSONForMachinesAndColoursOnlyWhenAsked() throws {
        let files = try DiffFixtures()
        defer { files.remove() }
        let a = try files.trace("a.jsonl"), b = try files.trace("b.jsonl", status: 404)
        let (_, json, _) = try run([a, b, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["equal"] as? Bool == false)
        #expect(!(try run([a, b]).1.contains("\u{1B}[")))  // a pipe is not a terminal
        #expect(try run([a, b, "--color", "always"]).1.contains("\u{1B}["))
    }
}
