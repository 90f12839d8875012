import CurlTransport
import Foundation
import HTTPTypes
import ScenarioServer
import TapeCore
import Testing

/// A scenario server, a real-time scheduler and a transport delivering onto it: what
/// every live test needs. Call ``shutdown()`` at the end.
final class CurlHarness {
    let server: ScenarioServer
    let scheduler = RealTimeScheduler()
    let transport: CurlTransport

    /// Default deadline for one exchange: generous, only hit when something is broken.
    static let exchangeTimeoutMicros: Int64 = 60_000_000

    /// - Parameter hosted: libcurl runs on the scheduler's driving thread (`CurlTransport(hostedBy:)`)
    ///   instead of a thread of its own.
    init(tls: Bool = false, configuration: CurlTransport.Configuration = .init(), hosted: Bool = false) async throws {
        server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: tls ? 0 : nil))
        transport = hosted ? try CurlTransport(hostedBy: scheduler, configuration: configuration)
            : try CurlTransport(executor: scheduler, configuration: configuration)
    }

    /// Another transport on the same scheduler, with other settings.
    func transport(_ configuration: CurlTransport.Configuration) throws -> CurlTransport {
        try CurlTransport(executor: scheduler, configuration: configuration)
    }

    static func request(_ url: String, version: HTTPVersion = .http1_1) -> ExchangeRequest {
        request("GET", url, version: version)
    }

    static func request(_ method: String, _ url: String, version: HTTPVersion = .http1_1,
                        headers: [(String, String)] = [], body: [UInt8] = []) -> ExchangeRequest {
        var fields = HTTPFields()
        for (name, value) in headers {
            fields.append(HTTPField(name: HTTPField.Name(name)!, value: value))
        }
        return ExchangeRequest(head: RequestHead(method: method, url: url, version: version, headerFields: fields), body: body)
    }

    /// Runs `request` on `transport` (the harness's by default) to its terminal event.
    @discardableResult
    func exchange(_ request: ExchangeRequest, on transport: CurlTransport? = nil, bodySource: sending (any RequestBodySource)? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> TimelineRecorder {
        let recorder = TimelineRecorder()
        _ = (transport ?? self.transport).start(request, bodySource: bodySource, delegate: recorder)
        let finished = scheduler.run(until: { recorder.isFinished }, timeoutMicros: Self.exchangeTimeoutMicros)
        try #require(finished, "the exchange did not finish within the deadline; events: \(recorder.kinds)", sourceLocation: sourceLocation)
        return recorder
    }

    /// GET `pathAndQuery` on the plain listener.
    @discardableResult
    func get(_ pathAndQuery: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TimelineRecorder {
        try exchange(Self.request(server.url(pathAndQuery)), sourceLocation: sourceLocation)
    }

    /// Drives the scheduler until `condition` holds, checking it every 2 ms even when no
    /// work arrives (for state that changes on other threads).
    func waitUntil(timeoutMicros: Int64 = 30_000_000, _ condition: @escaping () -> Bool) -> Bool {
        var ticking = true
        func tick() {
            guard ticking else { return }
            scheduler.schedule(afterMicros: 2_000) { tick() }
        }
        tick()
        defer { ticking = false }
        return scheduler.run(until: condition, timeoutMicros: timeoutMicros)
    }

    /// Runs everything handed to the scheduler from any thread before this call.
    func drainScheduler() -> Bool {
        let marker = MarkerBox()
        scheduler.execute { marker.set() }
        return scheduler.run(until: { marker.isSet }, timeoutMicros: 5_000_000)
    }

    func shutdown() async throws {
        transport.shutdown()
        _ = drainScheduler()  // a hosted transport tears down on the scheduler's thread
        try await server.shutdown()
    }
}

