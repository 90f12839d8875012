import TapeCore

/// A transport that answers each request URL with a scripted timeline, played on the
/// virtual scheduler: the test double for the XHR state machine's driver.
final class ScriptedTransport: Transport {
    private let scheduler: VirtualScheduler
    private var timelines: [String: [Timeline.Entry]]
    private let timing: TimingMode
    /// Answers requests no timeline is scripted for (the WPT handler emulation).
    private let responder: ((ExchangeRequest) -> [Timeline.Entry]?)?
    /// Every request started, in order.
    private(set) var requests: [ExchangeRequest] = []
    /// Players started, to check cancellation.
    private(set) var players: [TimelinePlayer] = []

    init(scheduler: VirtualScheduler, timing: TimingMode = .original, _ timelines: [String: [Timeline.Entry]],
         responder: ((ExchangeRequest) -> [Timeline.Entry]?)? = nil) {
        self.scheduler = scheduler
        self.timing = timing
        self.timelines = timelines
        self.responder = responder
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        requests.append(request)
        let entries = timelines[request.head.url] ?? responder?(request)
            ?? [Timeline.Entry(offsetMicros: 0, event: .failure(TransportFailure(.connectionRefused, message: "no script for \(request.head.url)")))]
        let player = TimelinePlayer(timeline: .unchecked(request: request, entries: entries), timing: timing, scheduler: scheduler)
        players.append(player)
        player.play(to: delegate)
        return player
    }
}
