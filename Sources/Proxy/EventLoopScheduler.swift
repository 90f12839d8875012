import NIOCore
import TapeCore

/// A `Scheduler` whose work runs on a NIO event loop, on its monotonic clock: the replay
/// proxy's transports run on the event loop that serves its connections (see
/// ``TransportThread/init(eventLoop:)``), so a replayed exchange crosses no thread.
///
/// Every piece of work is a NIO timer at its deadline (see ``schedule(atMicros:_:)``).
/// Used only on its event loop, like the transports it serves.
final class EventLoopScheduler: Scheduler, @unchecked Sendable {
    // @unchecked: `nextSequence` and `pending` are touched only on `eventLoop` (asserted).
    let eventLoop: any EventLoop
    private let epoch = NIODeadline.now()
    private var nextSequence: UInt64 = 0
    /// Work not yet run nor cancelled, with its NIO task, to cancel it.
    private var pending: [ScheduledTaskID: Scheduled<Void>] = [:]

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
        // A timer even when already due: NIO runs ready timers by deadline, then in the order they
        // were scheduled, as `Scheduler` promises. Due work queued with `execute` instead could pass
        // a timer whose deadline went by meanwhile (NIO takes one of each in turn): a replayed
        // response's end would then overtake its last chunk.
        pending[id] = eventLoop.scheduleTask(deadline: epoch + .microseconds(deadline), run)
        return id
    }

    func cancel(_ task: ScheduledTaskID) {
        eventLoop.preconditionInEventLoop()
        pending.removeValue(forKey: task)?.cancel()
    }

    /// Not available: the event loop drives this scheduler, never a caller.
    func drive(until condition: () -> Bool) -> Bool {
        preconditionFailure("An EventLoopScheduler is driven by its event loop; drive(until:) cannot wait on it")
    }
}
