import Foundation
import ScenarioServer
import Testing
import Trace

/// `xhrtape live`: the XHR over libcurl against the real scenario server, as a user runs it.
struct LiveCommandTests {
    @Test func liveTracesTheServersTrickleAndATimeout() async throws {
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let trickle = server.url("/trickle?chunks=3&size=100&interval=80")
        let slow = server.url("/hang?ms=3000")
        let run = try XHRTapeProcess.run(["live", trickle, slow, "--timeout", "400"])
        try await server.shutdown()
        #expect(run.status == 0, "\(run.errors)")
        let trace = try TraceDocument(jsonl: run.output)
        #expect(trace.header.source == .live)
        #expect(trace.requests.map(\.request.url) == [trickle, slow])
        #expect(trace.result(ofXHR: 0)?.bodyBytes == 300)
        #expect(trace.events(ofXHR: 0).suffix(2).map(\.type) == ["load", "loadend"])
        let timeout = try #require(trace.events(ofXHR: 1).first { $0.type == "timeout" })
        // The real clock: the timeout fires at 400 ms, give or take the machine's load.
        #expect(timeout.offsetMicros >= 400_000 && timeout.offsetMicros < 2_000_000)
    }
}
