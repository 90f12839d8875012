public import Cassette
import Foundation
import HTTPTypes
public import TapeCore
public import XHR

/// Replays a cassette's exchanges into the XMLHttpRequest on a virtual clock and
/// returns the trace: what `xhrtape trace` does.
///
/// Each selected exchange becomes one XHR (an ``XHRPlan``) with the recorded method,
/// URL, `Content-Type` and body, and the timeout and response type asked for. An
/// exchange that is the target of an earlier planned exchange's redirect is not
/// planned again: the XHR follows the redirect itself and uses that recording.
/// With a `like` trace, the plans are that trace's request lines instead — a browser's
/// settings (timeout, response type, upload listeners, abort moment) replayed against
/// the recorded bytes — so the two traces can be diffed.
public struct CassetteTracer: Sendable {
    /// Which exchanges to trace, and how.
    public struct Options: Sendable {
        public var profile: XHRProfile
        public var timing: TimingMode
        /// The timeout for every XHR, in milliseconds (0: none); ignored with `like`.
        public var timeoutMillis: Int64
        /// The response type for every XHR; ignored with `like`.
        public var responseType: XMLHttpRequest.ResponseType
        /// Only these exchanges, when set.
        public var exchanges: Set<ExchangeID>?
        /// Only exchanges whose URL contains this, when set.
        public var urlContaining: String?
        /// Take the XHRs and their settings from this trace's request lines.
        public var like: TraceDocument?

        public init(
            profile: XHRProfile = .spec, timing: TimingMode = .original, timeoutMillis: Int64 = 0,
            responseType: XMLHttpRequest.ResponseType = .empty, exchanges: Set<ExchangeID>? = nil,
            urlContaining: String? = nil, like: TraceDocument? = nil
        ) {
            self.profile = profile
            self.timing = timing
            self.timeoutMillis = timeoutMillis
            self.responseType = responseType
            self.exchanges = exchanges
            self.urlContaining = urlContaining
            self.like = like
        }
    }

    /// What a tracing run produced.
    public struct Outcome {
        /// The trace (`source` `replay`).
        public var trace: TraceDocument
        /// Requests the cassette could not answer (each XHR got a network error).
        public var misses: [CassetteError]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The XHRs a trace of `cassette` makes, in recorded order.
    public func plans(for cassette: Cassette) throws(CassetteError) -> [XHRPlan] {
        let summaries = try cassette.exchanges()
        if let like = options.like {
            var unused = summaries
            return try like.requests.map { (_, settings) throws(CassetteError) in
                var plan = XHRPlan(settings: settings)
                if let index = unused.firstIndex(where: { $0.request.method == settings.method && $0.request.url == settings.url }) {
                    try attachBody(of: unused.remove(at: index), from: cassette, to: &plan)
                }
                return plan
            }
        }
        var plans: [XHRPlan] = []
        var redirectTargets: [String: Int] = [:]
        for summary in summaries {
            if let pending = redirectTargets[summary.request.url], pending > 0 {
                redirectTargets[summary.request.url] = pending - 1
                continue
            }
            if let response = summary.response, [301, 302, 303, 307, 308].contains(response.status),
               let location = response.headerFields[.location],
               let target = URLResolver.resolve(location, against: summary.request.url) {
                redirectTargets[target, default: 0] += 1
            }
            guard options.exchanges.map({ $0.contains(summary.id) }) ?? true,
                  options.urlContaining.map({ summary.request.url.contains($0) }) ?? true
            else { continue }
            var plan = XHRPlan(settings: TraceRequest(
                method: summary.request.method, url: summary.request.url, async: true,
                timeoutMillis: options.timeoutMillis, responseType: options.responseType.rawValue, uploadListeners: false))
            try attachBody(of: summary, from: cassette, to: &plan)
            plans.append(plan)
        }
        return plans
    }

    private func attachBody(of summary: ExchangeSummary, from cassette: Cassette, to plan: inout XHRPlan) throws(CassetteError) {
        guard summary.requestBodyLength > 0 else { return }
        let request = try cassette.request(of: summary.id)
        plan.body = .bytes(request.body)
        if let type = request.head.headerFields[.contentType] {
            plan.headers = [("Content-Type", type)]
        }
    }

    /// Traces `cassette`.
    ///
    /// - Parameter progress: told after each XHR ends: (done, total).
    /// - Throws: ``CassetteError`` reading the cassette, ``XHRPlanError`` when a plan is
    ///   refused by the XHR (a forbidden method in a `like` trace).
    public func trace(_ cassette: Cassette, progress: (Int, Int) -> Void = { _, _ in }) throws -> Outcome {
        let plans = try plans(for: cassette)
        let scheduler = VirtualScheduler()
        let transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: options.timing)
        let runner = XHRPlanRunner(profile: options.profile, source: .replay)
        let trace = try runner.run(plans, transport: transport, scheduler: scheduler) { index, _ in
            progress(index + 1, plans.count)
        }
        return Outcome(trace: trace, misses: transport.misses)
    }
}

@available(*, unavailable, message: "Misses carry underlying errors that need not be Sendable")
extension CassetteTracer.Outcome: Sendable {}
