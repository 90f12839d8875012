import TapeCore

/// Plays one recorded timeline for whatever is requested.
final class OneTimeline: Transport {
    let timeline: Timeline
    let scheduler: VirtualScheduler
    init(_ timeline: Timeline, _ scheduler: VirtualScheduler) {
        self.timeline = timeline
        self.scheduler = scheduler
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        let player = TimelinePlayer(timeline: timeline, scheduler: scheduler)
        player.play(to: delegate)
        return player
    }
}
