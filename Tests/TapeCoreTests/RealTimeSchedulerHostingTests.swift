import Foundation
import Synchronization
import TapeCore
import Testing

/// A ``RealTimeScheduler`` that hosts an idler (what `CurlTransport(hostedBy:)` is to it).
struct RealTimeSchedulerHostingTests {
    /// An idler that counts its turns and waits on a semaphore that ``wake()`` signals.
    final class CountingIdler: RealTimeSchedulerIdler {
        private let counts = Mutex((serves: 0, waits: 0, wakes: 0, shortestWait: Int64.max))
        private let wakeUp = DispatchSemaphore(value: 0)
        /// Signalled as each wait begins.
        let waitBegan = DispatchSemaphore(value: 0)

        var serves: Int { counts.withLock { $0.serves } }
        var waits: Int { counts.withLock { $0.waits } }
        var shortestWait: Int64 { counts.withLock { $0.shortestWait } }

        func serve() {
            counts.withLock { $0.serves += 1 }
        }

        func wait(maximumMicros: Int64) {
            counts.withLock {
                $0.waits += 1
                $0.shortestWait = min($0.shortestWait, maximumMicros)
            }
            waitBegan.signal()
            _ = wakeUp.wait(timeout: .now() + .microseconds(Int(maximumMicros)))
        }

        func wake() {
            counts.withLock { $0.wakes += 1 }
            wakeUp.signal()
        }
    }

    @Test func workDueWithoutPauseStillGivesTheIdlerTurns() {
        let scheduler = RealTimeScheduler()
        let idler = CountingIdler()
        scheduler.host(idler)
        var ran = 0
        func again() {
            ran += 1
            if ran < 10 * RealTimeScheduler.idlerTurnInterval { scheduler.schedule(atMicros: 0) { again() } }
        }
        scheduler.schedule(atMicros: 0) { again() }
        #expect(scheduler.run(until: { ran == 10 * RealTimeScheduler.idlerTurnInterval }, timeoutMicros: 5_000_000))
        // Each piece of work was due at once, so the thread never waited, yet the idler was served.
        #expect(idler.serves >= 9)
        #expect(idler.waits == 0)
    }

    @Test func workFromAnotherThreadEndsTheIdlersWait() {
        let scheduler = RealTimeScheduler()
        let idler = CountingIdler()
        scheduler.host(idler)
        let received = Mutex(false)
        let started = scheduler.nowMicros
        Thread.detachNewThread {
            // Hand work in only once the driving thread waits in the idler (its wait would last the 20 s).
            _ = idler.waitBegan.wait(timeout: .now() + 10)
            scheduler.execute { received.withLock { $0 = true } }
        }
        #expect(scheduler.run(until: { received.withLock { $0 } }, timeoutMicros: 20_000_000))
        #expect(scheduler.nowMicros - started < 10_000_000, "the idler's wait was not interrupted")
    }

    @Test func aDeadlineUnderAMillisecondAwayIsNotLeftToTheIdlersWholeMilliseconds() {
        let scheduler = RealTimeScheduler()
        let idler = CountingIdler()
        scheduler.host(idler)
        var lateness: [Int64] = []
        for step in 1...20 {
            let deadline = scheduler.nowMicros + Int64(step) * 300
            scheduler.schedule(atMicros: deadline) { lateness.append(scheduler.nowMicros - deadline) }
        }
        #expect(scheduler.run(until: { lateness.count == 20 }, timeoutMicros: 5_000_000))
        #expect(lateness.allSatisfy { $0 >= 0 })
        // libcurl waits in whole milliseconds: a shorter wait would poll without waiting, spinning.
        #expect(idler.shortestWait >= 1_000)
    }

    @Test func withoutAnIdlerAgainTheThreadSleepsOnItsCondition() {
        let scheduler = RealTimeScheduler()
        let idler = CountingIdler()
        scheduler.host(idler)
        scheduler.host(nil)
        var ran = false
        scheduler.schedule(afterMicros: 5_000) { ran = true }
        #expect(scheduler.run(until: { ran }, timeoutMicros: 5_000_000))
        #expect(idler.serves == 0 && idler.waits == 0)
    }
}
