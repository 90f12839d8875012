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
    /// Run first and left out of the trace: it opens the connections (to the proxy and
    /// beyond) that the traced XHRs then reuse, as a page's earlier requests would have.
    var warmUp: XHRPlan?

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
        let runner = XHRPlanRunner(profile: profile, source: .live)
        if let warmUp { _ = try runner.run([warmUp], transport: transport, scheduler: scheduler) }
        return try runner.run(plans, transport: transport, scheduler: scheduler)
    }
}
