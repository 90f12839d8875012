/// Plays a timeline on a ``Scheduler`` into a ``TransportDelegate``, as if the
/// exchange were happening now.
///
/// Entries come from a ``TimelineSource`` a batch at a time. Every entry of a batch is
/// scheduled when the batch is read, each as its own piece of work at
/// `start + playback offset`; the next batch is read once the last entry of this one
/// has been delivered. A timeline in memory is one batch, so all its events are
/// scheduled when playback starts, which means that a timer set afterwards for the same
/// instant (an XHR timeout, say) runs after the network event already queued there: the
/// tie rule of XHR-NOTES.md §4. (A cassette's cursor hands over its first megabyte as
/// the first batch; only the events of a longer body are scheduled later.)
///
/// With a ``PlaybackDemand``, playback also pauses between batches while the window's
/// worth of delivered body bytes is unacknowledged, and looks again every
/// ``demandPollMicros``: a proxy replaying a gigabyte to a slow client holds a few
/// megabytes of it, however fast the timing.
///
/// A timeline that ends in a `clientGaveUp` failure was cut short by the recording's own
/// client (it timed out or called abort()): nobody knows what the server would have
/// sent next. Playback delivers everything before that point and then stalls — no
/// failure, no end — so the replaying client gives up on its own terms, at its own
/// time, as it would against a server that went quiet.
public final class TimelinePlayer: TransportTask {
    /// How long playback paused on its demand waits before it looks at the acknowledgements again.
    public static let demandPollMicros: Int64 = 500

    /// The acknowledgements playback waits for, if it has a window.
    public let demand: PlaybackDemand?

    private var source: (any TimelineSource)?
    private var clock: TimingMode.PlaybackClock
    private let scheduler: any Scheduler
    private var scheduled: [ScheduledTaskID] = []
    private var delegate: (any TransportDelegate)?
    private var started = false
    private var startMicros: Int64 = 0
    /// Entries of the current batch not yet delivered.
    private var outstanding = 0
    /// The playback offset of the last entry scheduled.
    private var lastOffsetMicros: Int64 = 0
    private var deliveredBodyBytes = 0

    /// Prepares to play `timeline` with `timing` on `scheduler`.
    public convenience init(timeline: Timeline, timing: TimingMode = .original, scheduler: any Scheduler) {
        self.init(source: timeline.source, timing: timing, scheduler: scheduler)
    }

    /// Prepares to play the entries of `source` with `timing` on `scheduler`, pausing on
    /// `demand` if given.
    public init(source: some TimelineSource, timing: TimingMode = .original, scheduler: any Scheduler, demand: PlaybackDemand? = nil) {
        self.source = source
        self.clock = TimingMode.PlaybackClock(timing)
        self.scheduler = scheduler
        self.demand = demand
    }

    /// Starts playback: the first event is delivered no earlier than the next turn of
    /// the scheduler, never from inside this call. Playing twice is a programming error.
    public func play(to delegate: any TransportDelegate) {
        precondition(!started, "A TimelinePlayer plays once; create another to play again")
        started = true
        self.delegate = delegate
        startMicros = scheduler.nowMicros
        scheduleNextBatch()
    }

    /// Stops playback; nothing more is delivered.
    public func cancel() {
        for id in scheduled { scheduler.cancel(id) }
        finish()
    }

    private func finish() {
        scheduled = []
        delegate = nil
        source = nil
    }

    private func scheduleNextBatch() {
        guard delegate != nil, source != nil else { return }
        if let demand, deliveredBodyBytes - demand.acknowledgedBytes >= demand.windowBytes {
            // Strong capture, as for events: a paused player stays alive until it finishes or is cancelled.
            scheduled = [scheduler.schedule(afterMicros: Self.demandPollMicros) { self.scheduleNextBatch() }]
            return
        }
        let entries: [Timeline.Entry]
        do throws(TransportFailure) {
            entries = try source?.nextEntries() ?? []
            if entries.isEmpty {
                throw TransportFailure(
                    .protocolError, message: "The recording ends without a response end or a failure; re-record the exchange.")
            }
        } catch {
            // The rest of the timeline cannot be read: end with the failure, after what was played.
            source = nil
            outstanding = 1
            let offset = lastOffsetMicros
            scheduled = [scheduler.schedule(atMicros: startMicros + offset) { self.deliver(.failure(error), atOffsetMicros: offset) }]
            return
        }
        outstanding = entries.count
        scheduled = entries.map { entry in
            let offset = max(lastOffsetMicros, clock.offset(of: entry))
            lastOffsetMicros = offset
            // Strong capture: a started player stays alive until it finishes or is cancelled.
            return scheduler.schedule(atMicros: startMicros + offset) {
                self.deliver(entry.event, atOffsetMicros: offset)
            }
        }
    }

    private func deliver(_ event: TimelineEvent, atOffsetMicros offset: Int64) {
        guard let delegate else { return }
        outstanding -= 1
        if case .failure(let failure) = event, failure.code == .clientGaveUp {
            // The recording's client gave up here: stall (see the type's documentation).
            finish()
            return
        }
        if event.isTerminal {
            // Release the delegate (usually the XHR that owns this player) at the end.
            finish()
        } else if case .responseBodyChunk(let bytes) = event {
            deliveredBodyBytes += bytes.count
        }
        delegate.transportTask(self, didReceive: event, atOffsetMicros: offset)
        if outstanding == 0 { scheduleNextBatch() }
    }
}

@available(*, unavailable, message: "A TimelinePlayer belongs to its scheduler's context")
extension TimelinePlayer: Sendable {}
