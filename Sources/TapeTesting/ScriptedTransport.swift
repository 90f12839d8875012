public import TapeCore

/// A transport that answers each request URL with a scripted timeline, played on a
/// scheduler: the test double for code that drives an XMLHttpRequest.
///
/// ```swift
/// let scheduler = VirtualScheduler()
/// let transport = ScriptedTransport(scheduler: scheduler, [
///     "http://api.test/items": [
///         .init(offsetMicros: 20_000, event: .responseHead(head)),
///         .init(offsetMicros: 50_000, event: .responseBodyChunk(Array("[]".utf8))),
///         .init(offsetMicros: 50_000, event: .responseEnd(trailers: nil)),
///     ],
/// ])
/// ```
///
/// A request with no script gets a `connectionRefused` failure naming its URL (or
/// whatever `responder` returns for it).
public final class ScriptedTransport: Transport {
    private let scheduler: any Scheduler
    private var timelines: [String: [Timeline.Entry]]
    private let timing: TimingMode
    private let responder: ((ExchangeRequest) -> [Timeline.Entry]?)?
    /// Every request started, in order.
    public private(set) var requests: [ExchangeRequest] = []
    /// The players started, in order (to check cancellation).
    public private(set) var players: [TimelinePlayer] = []

    /// A transport answering `timelines[url]` for each request URL, played with `timing`.
    ///
    /// - Parameter responder: answers requests no timeline is scripted for.
    public init(
        scheduler: any Scheduler, timing: TimingMode = .original, _ timelines: [String: [Timeline.Entry]],
        responder: ((ExchangeRequest) -> [Timeline.Entry]?)? = nil
    ) {
        self.scheduler = scheduler
        self.timing = timing
        self.timelines = timelines
        self.responder = responder
    }

    /// Scripts (or replaces) the timeline for `url`.
    public func script(_ url: String, _ entries: [Timeline.Entry]) {
        timelines[url] = entries
    }

    public func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        requests.append(request)
        let entries = timelines[request.head.url] ?? responder?(request)
            ?? [Timeline.Entry(offsetMicros: 0, event: .failure(TransportFailure(.connectionRefused, message: "no script for \(request.head.url)")))]
        let player = TimelinePlayer(timeline: .unchecked(request: request, entries: entries), timing: timing, scheduler: scheduler)
        players.append(player)
        player.play(to: delegate)
        return player
    }
}

@available(*, unavailable, message: "A ScriptedTransport belongs to its scheduler's context")
extension ScriptedTransport: Sendable {}
