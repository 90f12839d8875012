import CurlTransport
import Foundation
import TapeCore
import Trace
import XHR

/// Runs XHR plans live: the XMLHttpRequest over libcurl on the real-time clock,
/// directly or through a proxy, producing a `"source":"live"` trace.
struct LiveTracer: Sendable {
    var profile: XHRProfile = .spec
    /// Send everything (loopback included) through this HTTP proxy.
    var proxyURL: String?

    /// Runs `plans` one after another on a thread of its own (the real-time scheduler
    /// blocks the thread that drives it) and returns the trace.
    func trace(_ plans: [XHRPlan]) async throws -> TraceDocument {
        let tracer = self
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try tracer.traceOnThisThread(plans) })
            }
            thread.start()
        }
    }

    private func traceOnThisThread(_ plans: [XHRPlan]) throws -> TraceDocument {
        let scheduler = RealTimeScheduler()
        let proxy = proxyURL.map { UpstreamProxy.url($0, bypass: []) } ?? .direct
        let transport = try CurlTransport(executor: scheduler, configuration: .init(proxy: proxy))
        defer { transport.shutdown() }
        return try XHRPlanRunner(profile: profile, source: .live).run(plans, transport: transport, scheduler: scheduler)
    }
}
