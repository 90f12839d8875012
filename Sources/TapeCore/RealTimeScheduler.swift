import Foundation

/// A scheduler on the monotonic clock, for live exchanges.
///
/// It has no thread of its own: the thread that calls ``run(until:timeoutMicros:)``
/// drives it and runs its work, so single-threaded code (the XHR) works unchanged
/// on either scheduler. Other threads hand work in with ``execute(_:)``, which wakes
/// the driving thread.
public final class RealTimeScheduler: Scheduler, @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`; non-Sendable work
    // items are run only by the thread inside `run`, and `schedule` is documented as
    // callable only from that context (cross-thread work goes through `execute`).
    private let condition = NSCondition()
    private var queue = ScheduledWorkQueue<() -> Void>()
    private let epoch = ContinuousClock.now

    /// Creates a scheduler whose epoch is now.
    public init() {}

    /// Microseconds since this scheduler was created, on the monotonic clock.
    public var nowMicros: Int64 {
        (ContinuousClock.now - epoch).wholeMicroseconds
    }

    @discardableResult
    public func schedule(atMicros deadline: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID {
        condition.lock()
        defer { condition.unlock() }
        let id = queue.insert(deadline: deadline, work)
        condition.signal()
        return id
    }

    public func cancel(_ task: ScheduledTaskID) {
        condition.lock()
        queue.cancel(task)
        condition.unlock()
    }

    /// Runs `work` on the driving thread as soon as possible. Callable from any thread.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        schedule(atMicros: nowMicros, work)
    }

    /// Longest ``drive(until:)`` waits: ten minutes.
    public static let driveLimitMicros: Int64 = 600_000_000

    public func drive(until condition: () -> Bool) -> Bool {
        run(until: condition, timeoutMicros: Self.driveLimitMicros)
    }

    /// Drives the scheduler on the calling thread until `condition` holds (checked after
    /// each piece of work) or `timeoutMicros` pass.
    ///
    /// - Returns: true if `condition` held, false on timeout.
    public func run(until condition: () -> Bool, timeoutMicros: Int64) -> Bool {
        let giveUpAt = nowMicros + timeoutMicros
        while !condition() {
            let now = nowMicros
            if now >= giveUpAt { return false }
            self.condition.lock()
            if let item = queue.popDue(notAfter: now) {
                self.condition.unlock()
                item.work()
                continue
            }
            let wakeAt = min(queue.nextDeadline() ?? giveUpAt, giveUpAt)
            let waitMicros = Double(wakeAt - now)
            _ = self.condition.wait(until: Date(timeIntervalSinceNow: waitMicros / 1_000_000))
            self.condition.unlock()
        }
        return true
    }
}
