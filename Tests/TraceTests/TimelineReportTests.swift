import Cassette
import Foundation
import TapeCore
import Testing
import Trace
import XHR

struct TimelineReportTests {
    /// A trace of three XHRs: two issued exchanges of the sample cassette, one matches nothing.
    static let trace: [TraceLine] = {
        func request(_ id: Int, _ path: String) -> TraceLine {
            .request(xhr: id, TraceRequest(method: "GET", url: SampleCassette.origin + path, async: true, timeoutMillis: 0, responseType: "", uploadListeners: false))
        }
        func event(_ id: Int, _ t: Int64, _ type: String, _ state: ReadyState, status: Int? = nil) -> TraceLine {
            .event(TraceEvent(xhr: id, offsetMicros: t, target: .xhr, type: type, readyState: state, status: status))
        }
        return [
            .header(TraceHeader(profile: "spec", source: .replay)),
            request(0, "/trickle?chunks=3&label=a%20b"),
            event(0, 0, "readystatechange", .opened),
            event(0, 20_000, "readystatechange", .headersReceived, status: 200),
            event(0, 60_000, "progress", .loading),
            event(0, 100_250, "load", .done),
            request(1, "/gzip"),
            event(1, 5_000, "readystatechange", .headersReceived, status: 200),
            event(1, 7_300, "load", .done),
            request(2, "/not-in-the-cassette"),
            event(2, 1_000, "error", .done),
        ]
    }()

    private func report(in directory: TemporaryDirectory) throws -> String {
        try SampleCassette.write(at: directory.file("sample.sqlite"))
        let cassette = try Cassette(path: directory.file("sample.sqlite"), access: .readOnly)
        defer { try? cassette.close() }
        return try TimelineReport(title: "sample.sqlite").html(for: cassette, trace: Self.trace)
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func pageIsSelfContainedAndItsTableNeedsNoScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let html = try report(in: directory)
        #expect(count("<tr class=\"ex", in: html) == 11)
        #expect(count("<b class=\"m\"", in: html) == 6)  // xhr 0's 4 events and xhr 1's 2; xhr 2 matched nothing
        #expect(count("<b class=\"t\"", in: html) >= 5)
        #expect(html.contains("no exchange for xhr 2"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link"))
        #expect(count("</script>", in: html) == 2)  // the details' JSON and the click handler, nothing more
    }

    @Test(.enabled(if: ExternalTool.playwrightTestsEnabled))
    func clickingARowShowsItsHeadsAndDecodedBody() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = directory.file("report.html")
        try Data(try report(in: directory).utf8).write(to: URL(fileURLWithPath: page))
        let run = try ExternalTool.run(["python3", RepositoryFiles.path("Tests/TraceTests/Scripts/report_click.py"), page, "2"])
        try #require(run.status == 0, "report_click.py failed: \(run.standardError)")
        struct Clicked: Decodable { var rows: Int; var hidden: Bool; var detail: String }
        let clicked = try JSONDecoder().decode(Clicked.self, from: run.standardOutput)
        #expect(clicked.rows == 11)
        #expect(clicked.hidden)
        #expect(clicked.detail.contains("GET \(SampleCassette.origin)/gzip HTTP/1.1"))
        #expect(clicked.detail.contains("Content-Encoding"))
        #expect(clicked.detail.contains("gzip body, decoded by the browser."))
        #expect(clicked.detail.contains("xhr 1"))
    }

    /// Prints the page size for 10 000 small exchanges (a figure for the report, not asserted).
    @Test func tenThousandExchangesMakeOneRowEach() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette(path: directory.file("large.sqlite"), configuration: CassetteConfiguration(redactor: .none))
        let sample = try SampleCassette.exchanges()[1]
        let start = Date(timeIntervalSince1970: 1_795_608_000)
        for index in 0..<10_000 {
            var request = sample.request
            request.head.url += "&n=\(index)"
            let writer = try cassette.beginExchange(request, startedAt: start.addingTimeInterval(Double(index) * 0.003))
            for entry in sample.entries { try writer.append(entry.event, atOffsetMicros: entry.offsetMicros) }
        }
        let clock = ContinuousClock()
        let reading = try clock.measure { for summary in try cassette.exchanges() { _ = try cassette.timeline(of: summary.id) } }
        var html = ""
        let elapsed = try clock.measure { html = try TimelineReport(title: "large").html(for: cassette) }
        try cassette.close()
        #expect(count("<tr class=\"ex", in: html) == 10_000)
        print("Timeline report for 10000 exchanges: \(html.utf8.count) bytes, built in \(elapsed) (reading the timelines alone: \(reading))")
    }

    @Test(.enabled(if: ExternalTool.chromiumTestsEnabled))
    func headlessChromiumRendersOneRowPerExchangeAndTheTraceMarkers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = directory.file("report.html")
        try Data(try report(in: directory).utf8).write(to: URL(fileURLWithPath: page))
        let chromium = try #require(ExternalTool.chromium, "chromium is not installed")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

        // The DOM after the page's script ran.
        let dump = try ExternalTool.run([chromium] + flags + ["--dump-dom", "file://" + page])
        try #require(dump.status == 0, "chromium --dump-dom failed: \(dump.standardError)")
        let dom = String(decoding: dump.standardOutput, as: UTF8.self)
        #expect(count("<tr class=\"ex", in: dom) == 11)
        #expect(count("class=\"m\"", in: dom) == 6)
        #expect(count("data-type=\"load\"", in: dom) == 2)

        let artifacts = RepositoryFiles.path(".build/test-artifacts")
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts + "/timeline-report.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        let shot = try ExternalTool.run([chromium] + flags + ["--hide-scrollbars", "--window-size=1400,700", "--screenshot=" + screenshot, "file://" + page])
        try #require(shot.status == 0, "chromium --screenshot failed: \(shot.standardError)")
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        print("Timeline report screenshot: \(screenshot) (\(png.count) bytes)")
    }
}
