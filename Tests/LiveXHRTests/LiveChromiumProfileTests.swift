import CurlTransport
import Foundation
import ScenarioServer
import TapeCore
import Trace
import XHR
import Testing

/// The Swift XHR under the `chromium` profile, live over libcurl against the real
/// scenario server on the real-time clock, shows the events a real Chromium showed
/// for the same scenario (recordings/chromium/): same types, targets, readyStates,
/// statuses and numbers. Times are not compared (a loaded machine shifts them); the
/// virtual-clock comparison in ChromiumGoldenTraceTests checks them.
struct LiveChromiumProfileTests {
    static let recordings = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("recordings/chromium")

    /// Scenarios whose event sequence does not depend on timing finer than 100 ms.
    static let scenarios = [
        "trickle-length-i100-nosniff", "trickle-length-i100-sniff", "trickle-xml-i100", "status-204",
        "head", "gzip-whole", "reset-mid-body-sniff", "charset-shift-jis",
    ]

    /// An event without its time.
    struct Shape: Equatable {
        var target: XHREventTargetKind
        var type: String
        var readyState: ReadyState
        var status: Int?
        var progress: TraceEvent.Progress?

        init(_ event: TraceEvent) {
            target = event.target
            type = event.type
            readyState = event.readyState
            status = event.status
            progress = event.progress
        }
    }

    @Test(arguments: scenarios)
    func aLiveChromiumProfileXHRFiresWhatChromiumFired(_ name: String) async throws {
        let golden = try TraceDocument(jsonl: String(contentsOf: Self.recordings.appendingPathComponent(name + ".jsonl"), encoding: .utf8))
        let request = try #require(golden.requests.first?.request)
        // The recording's port is not this server's: keep the path and query.
        let components = try #require(URLComponents(string: request.url))
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        try await ScenarioServer.withRunning { server in
            let scheduler = RealTimeScheduler()
            let transport = try CurlTransport(executor: scheduler)
            defer { transport.shutdown() }
            let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler, profile: .chromium)
            let recorder = TraceRecorder(profile: .chromium, source: .live)
            recorder.track(xhr)
            try xhr.open(request.method, server.url(path))
            try xhr.send()
            #expect(scheduler.run(until: { xhr.readyState == .done }, timeoutMicros: 20_000_000))
            let live = recorder.lines.compactMap { if case .event(let event) = $0 { Shape(event) } else { nil } }
            #expect(live == golden.events(ofXHR: 0).map(Shape.init), "\(name)")
        }
    }
}
