import TapeCore

/// A stand-in for the network: answers each request with the next scripted timeline for its URL,
/// played on a scheduler, and counts what it was asked.
final class ScriptedTransport: Transport {
    private let scheduler: any Scheduler
    private var scripts: [String: [Timeline]]
    private(set) var requests: [ExchangeRequest] = []

    init(scheduler: any Scheduler, timelines: [Timeline]) {
        self.scheduler = scheduler
        self.scripts = Dictionary(grouping: timelines, by: \.request.head.url)
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        requests.append(request)
        guard var queue = scripts[request.head.url], !queue.isEmpty else {
            preconditionFailure("ScriptedTransport has no timeline for \(request.head.url)")
        }
        let timeline = queue.removeFirst()
        scripts[request.head.url] = queue
        let player = TimelinePlayer(timeline: timeline, scheduler: scheduler)
        player.play(to: delegate)
        return player
    }
}
