import TapeCore

/// The task replay returns for a request it cannot serve: it delivers one failure on the next
/// turn of the scheduler, unless cancelled first.
final class ReplayFailureTask: TransportTask {
    private let scheduler: any Scheduler
    private var scheduled: ScheduledTaskID?

    /// Schedules `failure` for `delegate`.
    init(failure: TransportFailure, scheduler: any Scheduler, delegate: any TransportDelegate) {
        self.scheduler = scheduler
        // Strong capture until delivery or cancel, as TimelinePlayer does.
        scheduled = scheduler.schedule(afterMicros: 0) {
            guard self.scheduled != nil else { return }
            self.scheduled = nil
            delegate.transportTask(self, didReceive: .failure(failure), atOffsetMicros: 0)
        }
    }

    func cancel() {
        guard let scheduled else { return }
        scheduler.cancel(scheduled)
        self.scheduled = nil
    }
}

@available(*, unavailable, message: "A ReplayFailureTask belongs to its scheduler's context")
extension ReplayFailureTask: Sendable {}
