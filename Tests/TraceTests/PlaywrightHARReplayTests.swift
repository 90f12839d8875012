import Cassette
import Foundation
import Testing
import Trace

/// Our exported HAR, served to a real Chromium by a real HAR consumer: Playwright's
/// `route_from_har`, with nothing listening at the recorded origin.
struct PlaywrightHARReplayTests {
    private struct Report: Decodable {
        struct Result: Decodable {
            var status: Int
            var url: String
            var body: String
        }

        var page: String
        var results: [Result]
    }

    @Test(.enabled(if: ExternalTool.playwrightTestsEnabled))
    func chromiumReceivesTheRecordedStatusesAndBodiesThroughRouteFromHAR() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SampleCassette.write(at: directory.file("sample.sqlite"))
        let cassette = try Cassette(path: directory.file("sample.sqlite"), access: .readOnly)
        try HARExporter.encode(try HARExporter().document(from: cassette)).write(to: URL(fileURLWithPath: directory.file("sample.har")))
        try cassette.close()

        // The binary upload is left out: HAR's postData has only text, so no HAR consumer can match
        // a body that is not UTF-8 (xhrtape keeps it in _xhrtapeBody for its own round trip).
        let upload = Data(SampleCassette.jsonRequest).base64EncodedString()
        let requests: [[String?]] = [
            ["GET", "/trickle?chunks=3&label=a%20b", nil],
            ["GET", "/gzip", nil],
            ["GET", "/binary", nil],
            ["POST", "/items", upload],
            ["GET", "/redirect", nil],
            ["GET", "/missing", nil],
        ]
        let requestsJSON = String(decoding: try JSONSerialization.data(withJSONObject: requests.map { $0.map { $0 ?? NSNull() as Any } }), as: UTF8.self)
        let run = try ExternalTool.run([
            "python3", RepositoryFiles.path("Tests/TraceTests/Scripts/har_replay.py"), directory.file("sample.har"),
            SampleCassette.origin, requestsJSON,
        ])
        try #require(run.status == 0, "har_replay.py failed: \(run.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: run.standardOutput)

        #expect(report.page == "served from HAR")
        let bodies = report.results.map { Data(base64Encoded: $0.body).map { [UInt8]($0) } ?? [] }
        #expect(report.results.map(\.status) == [200, 200, 200, 201, 200, 404])
        #expect(bodies[0] == Array("hello chunked world".utf8))
        #expect(bodies[1] == Array(SampleCassette.gzipPlainText.utf8))
        #expect(bodies[2] == SampleCassette.binaryBody)
        #expect(bodies[3] == Array(#"{"created":true,"name":"ünïcödé"}"#.utf8))
        // route_from_har follows the redirect inside the HAR and fulfils the first request with the
        // last hop's response, so the page keeps the first URL and gets the trickle's body.
        #expect(report.results[4].url == SampleCassette.origin + "/redirect")
        #expect(bodies[4] == Array("hello chunked world".utf8))
        #expect(bodies[5] == Array("not found\n".utf8))
    }
}
