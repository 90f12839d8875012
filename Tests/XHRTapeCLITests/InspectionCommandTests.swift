import ArgumentParser
import Cassette
import Foundation
import GRDB
import HTTPTypes
import TapeCore
import Testing
import Trace
@testable import XHRTapeCLI

/// `ls`, `show`, `verify` and `trace` on a cassette written here: in-process for parsing
/// and output files, through the binary for exit codes and standard output.
struct InspectionCommandTests {
    /// A cassette with a 5-chunk trickle (head at 20 ms, chunks 50–170 ms) and a 404.
    static func cassette() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-inspect-\(UUID()).sqlite").path
        let store = try Cassette(path: path)
        let trickle = try store.beginExchange(ExchangeRequest(head: RequestHead(method: "GET", url: "http://api.test/trickle")))
        try trickle.append(.responseHead(ResponseHead(status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Length", "500"), ("Content-Type", "text/plain")])!)), atOffsetMicros: 20_000)
        for index in 0..<5 {
            try trickle.append(.responseBodyChunk(Array(repeating: UInt8(ascii: "a") + UInt8(index), count: 100)), atOffsetMicros: 50_000 + Int64(index) * 30_000)
        }
        try trickle.append(.responseEnd(trailers: nil), atOffsetMicros: 170_000)
        let missing = try store.beginExchange(ExchangeRequest(head: RequestHead(method: "GET", url: "http://api.test/missing")))
        try missing.append(.responseHead(ResponseHead(status: 404, reasonPhrase: "Not Here", headerFields: HTTPFields(wirePairs: [("Content-Length", "2")])!)), atOffsetMicros: 5_000)
        try missing.append(.responseBodyChunk(Array("no".utf8)), atOffsetMicros: 6_000)
        try missing.append(.responseEnd(trailers: nil), atOffsetMicros: 6_000)
        try store.close()
        return path
    }

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-\(UUID())-\(name)").path
    }

    @Test func lsListsEveryExchangeAsATableAndAsJSONLines() throws {
        let path = try Self.cassette()
        let table = try XHRTapeProcess.run(["ls", path])
        #expect(table.status == 0)
        #expect(table.output.contains("404"))
        #expect(table.output.contains("http://api.test/trickle"))
        #expect(table.output.hasSuffix("2 exchanges\n"))
        let json = try XHRTapeProcess.run(["ls", path, "--json"])
        let rows = json.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 2)
        #expect(rows[1]?["status"] as? Int == 404)
        #expect(rows[1]?["reason"] as? String == "Not Here")
        #expect(rows[0]?["responseBytes"] as? Int == 500)
    }

    @Test func showPrintsHeadsTimelineAndBody() throws {
        let path = try Self.cassette()
        let shown = try XHRTapeProcess.run(["show", path, "1", "--events"])
        #expect(shown.status == 0)
        #expect(shown.output.contains("GET http://api.test/trickle HTTP/1.1"))
        #expect(shown.output.contains("HTTP/1.1 200 OK\nContent-Length: 500\nContent-Type: text/plain"))
        #expect(shown.output.contains("timeline: head at 20.0 ms · 5 chunks (500 bytes) from 50.0 ms to 170.0 ms · largest gap 30.0 ms · ended cleanly at 170.0 ms"))
        #expect(shown.output.contains("body (500 bytes, text/plain):\naaaa"))
        let raw = try XHRTapeProcess.run(["show", path, "2", "--body", "raw"])
        #expect(raw.output == "no")
    }

    @Test func showOfAnUnknownExchangeIsAOneLineErrorWithExitCode2() throws {
        let path = try Self.cassette()
        let shown = try XHRTapeProcess.run(["show", path, "99"])
        #expect(shown.status == 2)
        #expect(shown.errors.hasPrefix("error: "))
        #expect(shown.errors.split(separator: "\n").count == 1)
    }

    @Test func verifySaysSoundDamagedOrUnreadableByExitCode() throws {
        let path = try Self.cassette()
        let sound = try XHRTapeProcess.run(["verify", path])
        #expect(sound.status == 0)
        #expect(sound.output.contains("2 exchanges checked: sound."))

        // Remove one stored event behind the cassette's back: its counts no longer agree.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "DELETE FROM event WHERE id = (SELECT max(id) FROM event)") }
        try queue.close()
        let damaged = try XHRTapeProcess.run(["verify", path])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("problem"))

        let garbage = Self.temporaryFile("garbage.sqlite")
        try Data("this is not a database, only text".utf8).write(to: URL(fileURLWithPath: garbage))
        let unreadable = try XHRTapeProcess.run(["verify", garbage])
        #expect(unreadable.status == 2)
        #expect(unreadable.errors.hasPrefix("error: "))
    }

    @Test func traceInProcessWritesTheTimeoutAtItsVirtualTime() async throws {
        let path = try Self.cassette()
        let output = Self.temporaryFile("trace.jsonl")
        var command = try XHRTapeCommand.parseAsRoot(["trace", path, "--timeout", "100", "--url", "trickle", "-o", output])
        try #require(command is TraceCommand)
        try command.run()
        let trace = try TraceDocument(jsonl: String(contentsOfFile: output, encoding: .utf8))
        #expect(trace.requests.count == 1)
        #expect(trace.events(ofXHR: 0).suffix(2).map(\.type) == ["timeout", "loadend"])
        #expect(trace.events(ofXHR: 0).last?.offsetMicros == 100_000)
    }

    @Test func traceLikeTakesTheSettingsOfAnotherTrace() throws {
        let path = try Self.cassette()
        let like = Self.temporaryFile("browser.jsonl")
        let browser = TraceDocument(header: TraceHeader(profile: "chromium", source: .browser), lines: [
            .request(xhr: 0, TraceRequest(method: "GET", url: "http://api.test/trickle", async: true, timeoutMillis: 0, responseType: "arraybuffer", uploadListeners: false, abort: .on(.firstprogress))),
        ])
        try browser.jsonl.write(toFile: like, atomically: true, encoding: .utf8)
        let traced = try XHRTapeProcess.run(["trace", path, "--like", like])
        #expect(traced.status == 0)
        let trace = try TraceDocument(jsonl: traced.output)
        #expect(trace.requests.first?.request.responseType == "arraybuffer")
        #expect(trace.requests.first?.request.abort == .on(.firstprogress))
        #expect(trace.events(ofXHR: 0).map(\.type).suffix(2) == ["abort", "loadend"])
    }

    @Test(arguments: [
        (["trace", "/nonexistent/none.sqlite"], "no cassette"),
        (["trace", "CASSETTE", "--like", "/nonexistent/t.jsonl"], "does not exist"),
        (["trace", "CASSETTE", "--like", "MALFORMED"], "trace line 2"),
        (["trace", "CASSETTE", "--timeout", "-5"], "--timeout"),
        (["trace", "CASSETTE", "--no-such-flag"], "no-such-flag"),
        (["ls"], "Missing expected argument"),
    ])
    func badInputGivesExitCode2AndSaysWhat(arguments: [String], says: String) throws {
        let path = try Self.cassette()
        let malformed = Self.temporaryFile("malformed.jsonl")
        try #"{"trace":"xhrtape","version":1,"profile":"spec","source":"replay"}"#.appending("\n{\"xhr\":0}\n").write(toFile: malformed, atomically: true, encoding: .utf8)
        let run = try XHRTapeProcess.run(arguments.map { $0 == "CASSETTE" ? path : $0 == "MALFORMED" ? malformed : $0 })
        #expect(run.status == 2)
        #expect(run.errors.lowercased().contains(says.lowercased()), "stderr: \(run.errors)")
        #expect(run.output.isEmpty)
    }

    @Test func completionScriptsAreGenerated() throws {
        let bash = try XHRTapeProcess.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.output.contains("trace"))
        #expect(bash.output.contains("verify"))
    }
}
