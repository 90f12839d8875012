import Foundation
import TapeCore
import Testing

struct RealTimeSchedulerTests {
    @Test func workRunsNoEarlierThanItsDeadlineOnTheDrivingThread() {
        let scheduler = RealTimeScheduler()
        var ranAt: Int64?
        let scheduledAt = scheduler.nowMicros
        scheduler.schedule(afterMicros: 20_000) { ranAt = scheduler.nowMicros }
        #expect(scheduler.run(until: { ranAt != nil }, timeoutMicros: 5_000_000))
        #expect(ranAt.map { $0 - scheduledAt >= 20_000 } == true)
    }

    @Test func workFromAnotherThreadWakesTheDrivingThread() {
        let scheduler = RealTimeScheduler()
        let received = LockedFlag()
        Thread.detachNewThread {
            scheduler.execute { received.set() }
        }
        #expect(scheduler.run(until: { received.isSet }, timeoutMicros: 5_000_000))
    }

    @Test func runGivesUpAtItsTimeout() {
        let scheduler = RealTimeScheduler()
        let start = scheduler.nowMicros
        #expect(!scheduler.run(until: { false }, timeoutMicros: 30_000))
        #expect(scheduler.nowMicros - start >= 30_000)
    }

    @Test func cancelledWorkDoesNotRun() {
        let scheduler = RealTimeScheduler()
        var ran: [Int] = []
        let cancelled = scheduler.schedule(afterMicros: 1_000) { ran.append(1) }
        scheduler.schedule(afterMicros: 2_000) { ran.append(2) }
        scheduler.cancel(cancelled)
        #expect(scheduler.run(until: { ran == [2] }, timeoutMicros: 5_000_000))
    }
}

/// A flag set from one thread and read from another.
final class LockedFlag: @unchecked Sendable {
    // @unchecked: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
