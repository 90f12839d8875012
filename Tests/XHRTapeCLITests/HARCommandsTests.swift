import Foundation
import Testing

/// `xhrtape import`, `export` and `report` as a user runs them: the built binary on files.
struct HARCommandsTests {
    private static let pollyHAR = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("recordings/har/polly-handwritten.har").path

    @Test func importExportAndReportChainThroughFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-har-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let imported = try XHRTapeProcess.run(["import", Self.pollyHAR, "--cassette", directory + "/polly.sqlite"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("Imported 4 exchanges"))

        let exported = try XHRTapeProcess.run(["export", directory + "/polly.sqlite", "-o", directory + "/polly.har"])
        #expect(exported.status == 0, "\(exported.errors)")
        let har = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/polly.har"))) as? [String: Any]
        let entries = (har?["log"] as? [String: Any])?["entries"] as? [Any]
        #expect(entries?.count == 4)

        let reimported = try XHRTapeProcess.run(["import", directory + "/polly.har", "--cassette", directory + "/again.sqlite"])
        #expect(reimported.status == 0, "\(reimported.errors)")

        // A real trace of the imported cassette, from the XHR on the virtual clock, marked on the report.
        let trace = try XHRTapeProcess.run(["trace", directory + "/again.sqlite", "-o", directory + "/trace.jsonl"])
        #expect(trace.status == 0, "\(trace.errors)")
        let eventLines = try String(contentsOfFile: directory + "/trace.jsonl", encoding: .utf8)
            .split(separator: "\n").filter { $0.contains("\"type\":") }.count
        let report = try XHRTapeProcess.run(["report", directory + "/again.sqlite", "--trace", directory + "/trace.jsonl", "-o", directory + "/report.html"])
        #expect(report.status == 0, "\(report.errors)")
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<tr class=\"ex").count - 1 == 4)
        #expect(eventLines > 0)
        #expect(html.components(separatedBy: "<b class=\"m\"").count - 1 == eventLines)
    }

    @Test func reportWithAMalformedTraceExitsWith2() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-har-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try XHRTapeProcess.run(["import", Self.pollyHAR, "--cassette", directory + "/polly.sqlite"])
        try Data("{\"not\":\"a trace\"}\n".utf8).write(to: URL(fileURLWithPath: directory + "/bad.jsonl"))
        let run = try XHRTapeProcess.run(["report", directory + "/polly.sqlite", "--trace", directory + "/bad.jsonl", "-o", directory + "/r.html"])
        #expect(run.status == 2)
        #expect(run.errors.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: directory + "/r.html"))
    }

    @Test func malformedHARExitsWith2AndOneLineNamingTheJSONPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-har-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = """
            {"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[{"startedDateTime":"2026-01-01T00:00:00Z",
             "time":1,"request":{"method":"GET","url":"http://h/","httpVersion":"HTTP/1.1","headers":[]},
             "response":{"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"content":{}},"timings":{"send":0,"wait":0,"receive":0}}]}}
            """
        try Data(bad.utf8).write(to: URL(fileURLWithPath: directory + "/bad.har"))

        let run = try XHRTapeProcess.run(["import", directory + "/bad.har", "--cassette", directory + "/out.sqlite"])
        #expect(run.status == 2)
        #expect(run.errors.split(separator: "\n").count == 1)
        #expect(run.errors.contains("$.log.entries[0].response.status"))

        let missing = try XHRTapeProcess.run(["export", directory + "/none.sqlite", "-o", directory + "/none.har"])
        #expect(missing.status == 2)
        #expect(missing.errors.split(separator: "\n").count == 1)
    }
}
