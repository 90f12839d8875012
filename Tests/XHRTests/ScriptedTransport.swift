import TapeCore

/// A transport that answers each request URL with a scripted timeline, played on the
/// virtual scheduler: the test double for the XHR state machine's driver.
final class ScriptedTransport: Transport {
    private let scheduler: VirtualScheduler
    private var timelines: [String: [Timeline.Entry]]
    private let timing: TimingMode
    /// Every request started, in order.
    private(set) var requests: [ExchangeRequest] = []
    /// Players started, to check cancellation.
    private(set) var players: [TimelinePlayer] = []

    init(scheduler: VirtualScheduler, timing: TimingMode = .original, _ timelines: [String: [Timeline.Entry]]) {
        self.scheduler = scheduler
        self.timing = timing
        self.timelines = timelines
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        requests.append(request)
        let entries = timelines[request.head.url]
            ?? [Timeline.Entry(offsetMicros: 0, event: .failure(TransportFailure(.connectionRefused, message: "no script for \(request.head.url)")))]
        let player = TimelinePlayer(timeline: .unchecked(request: request, entries: entries), timing: timing, scheduler: scheduler)
        players.append(player)
        player.play(to: delegate)
        return player
    }
}
