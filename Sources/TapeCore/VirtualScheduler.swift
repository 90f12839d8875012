/// A deterministic scheduler: time moves only when told to, and work due at the
/// same instant runs in the order it was scheduled.
///
/// It never reads a wall clock. A 30-second recording replays in as long as its
/// events take to process, and every run produces the same order.
///
/// ```swift
/// let scheduler = VirtualScheduler()
/// scheduler.schedule(afterMicros: 50_000) { print("50 ms later") }
/// scheduler.advance(byMicros: 49_999)   // nothing yet
/// scheduler.advance(byMicros: 1)        // prints
/// ```
public final class VirtualScheduler: Scheduler {
    private var queue = ScheduledWorkQueue<() -> Void>()

    /// The current virtual time in microseconds.
    public private(set) var nowMicros: Int64

    /// How many pieces of work have run so far.
    public private(set) var executedCount = 0

    /// Creates a scheduler whose clock starts at `startMicros`.
    public init(startMicros: Int64 = 0) {
        self.nowMicros = startMicros
    }

    /// The number of pieces of work scheduled and neither run nor cancelled.
    public var pendingCount: Int { queue.pendingCount }

    /// The deadline of the next pending work, if any.
    public var nextDeadlineMicros: Int64? { queue.nextDeadline() }

    @discardableResult
    public func schedule(atMicros deadline: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID {
        queue.insert(deadline: max(deadline, nowMicros), work)
    }

    public func cancel(_ task: ScheduledTaskID) {
        queue.cancel(task)
    }

    /// Moves the clock forward by `delta` microseconds, running everything due on the way
    /// (including work that the work itself schedules within the window).
    public func advance(byMicros delta: Int64) {
        precondition(delta >= 0, "VirtualScheduler cannot move back in time (delta \(delta) µs)")
        run(untilMicros: nowMicros + delta)
    }

    /// Moves the clock forward by `duration`, which is rounded down to whole microseconds.
    public func advance(by duration: Duration) {
        advance(byMicros: duration.wholeMicroseconds)
    }

    /// Runs everything due up to and including `deadline`, then sets the clock to it.
    /// A deadline before ``nowMicros`` runs what is already due and leaves the clock alone.
    public func run(untilMicros deadline: Int64) {
        while let item = queue.popDue(notAfter: deadline) {
            execute(item)
        }
        nowMicros = max(nowMicros, deadline)
    }

    /// Runs work in order until nothing is pending or `maxTasks` have run (a guard
    /// against work that reschedules itself forever).
    ///
    /// - Returns: true when the queue drained, false when `maxTasks` stopped it.
    @discardableResult
    public func runUntilIdle(maxTasks: Int = 10_000_000) -> Bool {
        var remaining = maxTasks
        while true {
            guard remaining > 0 else { return queue.nextDeadline() == nil }
            guard let item = queue.popDue(notAfter: .max) else { return true }
            remaining -= 1
            execute(item)
        }
    }

    /// Runs work in order until `condition` holds (checked before each piece of work),
    /// nothing is pending, or `maxTasks` have run. This is how a synchronous XHR waits.
    ///
    /// - Returns: true when `condition` holds at the end.
    @discardableResult
    public func run(maxTasks: Int = 10_000_000, until condition: () -> Bool) -> Bool {
        var remaining = maxTasks
        while !condition() {
            guard remaining > 0, let item = queue.popDue(notAfter: .max) else {
                return condition()
            }
            remaining -= 1
            execute(item)
        }
        return true
    }

    public func drive(until condition: () -> Bool) -> Bool {
        run(until: condition)
    }

    private func execute(_ item: ScheduledWorkQueue<() -> Void>.Item) {
        nowMicros = max(nowMicros, item.deadline)
        executedCount += 1
        item.work()
    }
}

@available(*, unavailable, message: "A VirtualScheduler belongs to the context that drives it")
extension VirtualScheduler: Sendable {}

extension Duration {
    /// The duration in whole microseconds, rounded toward zero.
    public var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
