import NIOCore
import TapeCore

/// A `Scheduler` whose work runs on a NIO event loop, on its monotonic clock: the replay
/// proxy's transports run on the event loop that serves its connections (see
/// ``TransportThread/init(eventLoop:)``), so a replayed exchange crosses no thread.
///
/// Work due now is queued with `execute` (no timer); later work with `scheduleTask`.
/// Used only on its event loop, like the transports it serves.
final class EventLoopScheduler: Scheduler, @unchecked Sendable {
    // @unchecked: `nextSequence` and `pending` are touched only on `eventLoop` (asserted).
    let eventLoop: any EventLoop
    private let epoch = NIODeadline.now()
    private var nextSequence: UInt64 = 0
    /// Work not yet run nor cancelled; a timed one keeps its NIO task, to cancel it.
    private var pending: [ScheduledTaskID: Scheduled<Void>?] = [:]

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    var nowMicros: Int64 {
        (NIODeadline.now() - epoch).nanoseconds / 1000
    }

    @discardableResult
    func schedule(atMicros deadline: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID {
        eventLoop.preconditionInEventLoop()
        let id = ScheduledTaskID(sequence: nextSequence)
        nextSequence += 1
        // The loop is this one (asserted above): the work never leaves it.
        nonisolated(unsafe) let work = work
        let run: @Sendable () -> Void = { [self] in
            guard pending.removeValue(forKey: id) != nil else { return }
            work()
        }
        if deadline <= nowMicros {
            pending[id] = .some(nil)
            eventLoop.execute(run)
        } else {
            pending[id] = eventLoop.scheduleTask(deadline: epoch + .microseconds(deadline), run)
        }
        return id
    }

    func cancel(_ task: ScheduledTaskID) {
        eventLoop.preconditionInEventLoop()
        if let scheduled = pending.removeValue(forKey: task) {
            scheduled?.cancel()
        }
    }

    /// Not available: the event loop drives this scheduler, never a caller.
    func drive(until condition: () -> Bool) -> Bool {
        preconditionFailure("An EventLoopScheduler is driven by its event loop; drive(until:) cannot wait on it")
    }
}
