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
    private var idler: (any RealTimeSchedulerIdler)?
    /// The driving thread is inside `idler.idle`; new work must wake it.
    private var idling = false
    /// Work arrived since the idle began and the idler was woken once.
    private var idlerWoken = false
    /// The idler was served since the last piece of work or wait: the thread may wait next.
    private var servedSinceWork = false
    /// Pieces of due work run since the idler's last turn.
    private var runSinceIdle = 0

    /// Creates a scheduler whose epoch is now.
    public init() {}

    /// Microseconds since this scheduler was created, on the monotonic clock.
    public var nowMicros: Int64 {
        (ContinuousClock.now - epoch).wholeMicroseconds
    }

    @discardableResult
    public func schedule(atMicros deadline: Int64, _ work: @escaping () -> Void) -> ScheduledTaskID {
        condition.lock()
        let id = queue.insert(deadline: deadline, work)
        condition.signal()
        let idler = takeIdlerToWake()
        condition.unlock()
        idler?.wake()
        return id
    }

    /// Ends the hosted idler's wait, if it is waiting: its own events arrived (a command for
    /// libcurl). Callable from any thread; costs nothing when the driving thread is busy.
    public func interruptIdle() {
        condition.lock()
        let idler = takeIdlerToWake()
        condition.unlock()
        idler?.wake()
    }

    /// The idler to wake, once per wait; under `condition`.
    private func takeIdlerToWake() -> (any RealTimeSchedulerIdler)? {
        guard idling, !idlerWoken, let idler else { return nil }
        idlerWoken = true
        return idler
    }

    /// Hands the driving thread's waits to `idler` (nil: back to sleeping on a condition).
    ///
    /// With an idler, the thread calls `idler.serve()` when no work is due and, if that
    /// handed nothing over and `run`'s condition still does not hold,
    /// `idler.wait(maximumMicros:)` until the next deadline; work
    /// handed in meanwhile calls `idler.wake()`. While work is due without pause the idler
    /// is still served every ``idlerTurnInterval`` pieces, so its own events are not
    /// starved. The scheduler keeps the idler until it is replaced.
    public func host(_ idler: (any RealTimeSchedulerIdler)?) {
        condition.lock()
        self.idler = idler
        condition.unlock()
    }

    /// How many pieces of due work run before a hosted idler gets a turn that does not wait.
    public static let idlerTurnInterval = 32

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
                let idler = runSinceIdle >= Self.idlerTurnInterval ? self.idler : nil
                self.condition.unlock()
                item.work()
                servedSinceWork = false
                runSinceIdle += 1
                if let idler {
                    runSinceIdle = 0
                    idler.serve()
                }
                continue
            }
            let wakeAt = min(queue.nextDeadline() ?? giveUpAt, giveUpAt)
            if let idler = self.idler {
                if !servedSinceWork {
                    // Serve, then check `condition` again before waiting: serving changes state.
                    self.condition.unlock()
                    runSinceIdle = 0
                    servedSinceWork = true
                    idler.serve()
                    continue
                }
                if wakeAt - now >= 1000 {
                    // The idler waits in whole milliseconds; a deadline closer than that waits on the condition below.
                    idling = true
                    idlerWoken = false
                    self.condition.unlock()
                    idler.wait(maximumMicros: wakeAt - now)
                    self.condition.lock()
                    idling = false
                    self.condition.unlock()
                    servedSinceWork = false
                    continue
                }
            }
            let waitMicros = Double(wakeAt - nowMicros)
            _ = self.condition.wait(until: Date(timeIntervalSinceNow: waitMicros / 1_000_000))
            self.condition.unlock()
        }
        return true
    }
}
