import ScenarioServer
import TapeCore

/// A transport that answers every request with the scenario server's nominal
/// timeline for it (``ScenarioTimeline/nominal(for:)``), played on a scheduler: the
/// server's scripted behaviour on an ideal network, with no sockets.
final class ScenarioTransport: Transport {
    private let scheduler: any Scheduler
    /// The requests started, in order (redirects start one each).
    private(set) var requests: [ExchangeRequest] = []

    init(scheduler: any Scheduler) {
        self.scheduler = scheduler
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        requests.append(request)
        let timeline: Timeline
        do {
            timeline = try ScenarioTimeline.nominal(for: request)
        } catch {
            // Every scenario has a valid nominal timeline; if one does not, the replay fails loudly.
            timeline = Timeline.unchecked(request: request, entries: [.init(offsetMicros: 0, event: .failure(
                TransportFailure(.protocolError, message: "no nominal timeline for \(request.head.url): \(error)")))])
        }
        let player = TimelinePlayer(timeline: timeline, scheduler: scheduler)
        player.play(to: delegate)
        return player
    }
}
