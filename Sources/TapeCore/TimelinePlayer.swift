/// Plays a ``Timeline`` on a ``Scheduler`` into a ``TransportDelegate``, as if the
/// exchange were happening now.
///
/// Every event is scheduled when playback starts, each as its own piece of work at
/// `start + playback offset`. Scheduling them all up front means that a timer set
/// afterwards for the same instant (an XHR timeout, say) runs after the network
/// event already queued there, which is the tie rule of XHR-NOTES.md §4.
///
/// A timeline that ends in a `clientGaveUp` failure was cut short by the recording's own
/// client (it timed out or called abort()): nobody knows what the server would have
/// sent next. Playback delivers everything before that point and then stalls — no
/// failure, no end — so the replaying client gives up on its own terms, at its own
/// time, as it would against a server that went quiet.
public final class TimelinePlayer: TransportTask {
    private let timeline: Timeline
    private let timing: TimingMode
    private let scheduler: any Scheduler
    private var scheduled: [ScheduledTaskID] = []
    private var delegate: (any TransportDelegate)?
    private var started = false

    /// Prepares to play `timeline` with `timing` on `scheduler`.
    public init(timeline: Timeline, timing: TimingMode = .original, scheduler: any Scheduler) {
        self.timeline = timeline
        self.timing = timing
        self.scheduler = scheduler
    }

    /// Starts playback: the first event is delivered no earlier than the next turn of
    /// the scheduler, never from inside this call. Playing twice is a programming error.
    public func play(to delegate: any TransportDelegate) {
        precondition(!started, "A TimelinePlayer plays once; create another to play again")
        started = true
        self.delegate = delegate
        let start = scheduler.nowMicros
        let offsets = timing.playbackOffsets(for: timeline.entries)
        scheduled = zip(timeline.entries, offsets).map { entry, offset in
            // Strong capture: a started player stays alive until it finishes or is cancelled.
            scheduler.schedule(atMicros: start + offset) {
                self.deliver(entry.event, atOffsetMicros: offset)
            }
        }
    }

    /// Stops playback; nothing more is delivered.
    public func cancel() {
        for id in scheduled { scheduler.cancel(id) }
        scheduled = []
        delegate = nil
    }

    private func deliver(_ event: TimelineEvent, atOffsetMicros offset: Int64) {
        guard let delegate else { return }
        if case .failure(let failure) = event, failure.code == .clientGaveUp {
            // The recording's client gave up here: stall (see the type's documentation).
            self.delegate = nil
            scheduled = []
            return
        }
        if event.isTerminal {
            // Release the delegate (usually the XHR that owns this player) at the end.
            self.delegate = nil
            scheduled = []
        }
        delegate.transportTask(self, didReceive: event, atOffsetMicros: offset)
    }
}

@available(*, unavailable, message: "A TimelinePlayer belongs to its scheduler's context")
extension TimelinePlayer: Sendable {}
