/// Decides when work runs: the only source of time for the XHR and for replay.
///
/// Time is an `Int64` count of microseconds since the scheduler's own epoch.
/// Work scheduled for the same instant runs in the order it was scheduled.
///
/// Work runs on the scheduler's context (the thread that drives it); call
/// ``schedule(atMicros:_:)`` and ``cancel(_:)`` only from that context.
public protocol Scheduler: AnyObject {
    /// The current time in microseconds since the scheduler's epoch.
    var nowMicros: Int64 { get }

    /// Runs `work` once the clock reaches `deadline` (microseconds since the epoch).
    /// A deadline in the past runs at the current time, after work already due.
    @discardableResult
    func schedule(atMicros deadline: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID

    /// Cancels scheduled work; cancelling work that already ran, or twice, does nothing.
    func cancel(_ task: ScheduledTaskID)

    /// Runs work on the calling thread until `condition` holds; how a synchronous
    /// XMLHttpRequest waits. Returns false when the condition cannot hold any more
    /// (nothing left to run) or a scheduler-specific bound was reached.
    func drive(until condition: () -> Bool) -> Bool
}

extension Scheduler {
    /// Runs `work` after `delay` microseconds (zero or less: as soon as possible).
    @discardableResult
    public func schedule(afterMicros delay: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID {
        schedule(atMicros: nowMicros &+ max(0, delay), work)
    }
}

/// Identifies one piece of scheduled work, for ``Scheduler/cancel(_:)``.
public struct ScheduledTaskID: Hashable, Sendable {
    /// The insertion sequence number: unique per scheduler, increasing.
    let sequence: UInt64
}
