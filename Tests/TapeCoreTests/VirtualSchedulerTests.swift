import TapeCore
import Testing

struct VirtualSchedulerTests {
    @Test func workRunsByDeadlineThenByInsertionOrder() {
        let scheduler = VirtualScheduler()
        var order: [String] = []
        scheduler.schedule(atMicros: 30) { order.append("c") }
        scheduler.schedule(atMicros: 10) { order.append("a1") }
        scheduler.schedule(atMicros: 20) { order.append("b") }
        scheduler.schedule(atMicros: 10) { order.append("a2") }
        scheduler.schedule(atMicros: 10) { order.append("a3") }
        scheduler.runUntilIdle()
        #expect(order == ["a1", "a2", "a3", "b", "c"])
        #expect(scheduler.nowMicros == 30)
    }

    @Test func sameInputTwiceGivesTheSameOrder() {
        func run() -> [Int] {
            var generator = SplitMix64(seed: 42)
            let scheduler = VirtualScheduler()
            var order: [Int] = []
            for index in 0..<5_000 {
                let deadline = Int64(generator.next() % 100)  // many ties on purpose
                scheduler.schedule(atMicros: deadline) {
                    order.append(index)
                    if index % 7 == 0 {  // work that schedules more work at the same instant
                        scheduler.schedule(afterMicros: 0) { order.append(-index) }
                    }
                }
            }
            scheduler.runUntilIdle()
            return order
        }
        let first = run()
        #expect(first.count == 5_000 + 715)
        #expect(run() == first)
    }

    @Test func workScheduledForNowRunsAfterWorkAlreadyDueNow() {
        let scheduler = VirtualScheduler()
        var order: [String] = []
        scheduler.schedule(atMicros: 5) {
            order.append("first")
            scheduler.schedule(atMicros: 5) { order.append("third") }
        }
        scheduler.schedule(atMicros: 5) { order.append("second") }
        scheduler.runUntilIdle()
        #expect(order == ["first", "second", "third"])
    }

    @Test func advanceRunsNothingBeforeTheDeadlineAndEverythingAtIt() {
        let scheduler = VirtualScheduler()
        var fired = false
        scheduler.schedule(afterMicros: 50_000) { fired = true }
        scheduler.advance(byMicros: 49_999)
        #expect(!fired)
        #expect(scheduler.nowMicros == 49_999)
        scheduler.advance(by: .microseconds(1))
        #expect(fired)
        #expect(scheduler.nowMicros == 50_000)
    }

    @Test func runUntilSetsTheClockEvenWhenNothingIsDue() {
        let scheduler = VirtualScheduler(startMicros: 100)
        scheduler.run(untilMicros: 2_000)
        #expect(scheduler.nowMicros == 2_000)
        scheduler.run(untilMicros: 1_000)
        #expect(scheduler.nowMicros == 2_000)
    }

    @Test func aDeadlineInThePastRunsAtTheCurrentTime() {
        let scheduler = VirtualScheduler(startMicros: 1_000)
        var ranAt: Int64?
        scheduler.schedule(atMicros: 10) { ranAt = scheduler.nowMicros }
        scheduler.runUntilIdle()
        #expect(ranAt == 1_000)
    }

    @Test func cancelledWorkNeverRunsAndCancellingTwiceIsHarmless() {
        let scheduler = VirtualScheduler()
        var ran: [Int] = []
        let first = scheduler.schedule(atMicros: 1) { ran.append(1) }
        scheduler.schedule(atMicros: 2) { ran.append(2) }
        scheduler.cancel(first)
        scheduler.cancel(first)
        #expect(scheduler.pendingCount == 1)
        scheduler.runUntilIdle()
        #expect(ran == [2])
        scheduler.cancel(first)  // after the queue drained
        #expect(scheduler.pendingCount == 0)
    }

    @Test func workCanCancelLaterWorkAtTheSameInstant() {
        let scheduler = VirtualScheduler()
        var ran: [String] = []
        var later: ScheduledTaskID?
        scheduler.schedule(atMicros: 10) {
            ran.append("canceller")
            if let later { scheduler.cancel(later) }
        }
        later = scheduler.schedule(atMicros: 10) { ran.append("cancelled") }
        scheduler.runUntilIdle()
        #expect(ran == ["canceller"])
    }

    @Test func runUntilConditionStopsAsSoonAsItHolds() {
        let scheduler = VirtualScheduler()
        var count = 0
        for offset in 1...10 { scheduler.schedule(atMicros: Int64(offset)) { count += 1 } }
        #expect(scheduler.run { count == 4 })
        #expect(scheduler.nowMicros == 4)
        #expect(scheduler.pendingCount == 6)
        #expect(!scheduler.run { count == 100 })  // drains, condition never holds
    }

    @Test func runUntilIdleStopsWorkThatReschedulesItselfForever() {
        let scheduler = VirtualScheduler()
        func tick() { scheduler.schedule(afterMicros: 1_000, tick) }
        tick()
        #expect(!scheduler.runUntilIdle(maxTasks: 1_000))
        #expect(scheduler.executedCount == 1_000)
        #expect(scheduler.nowMicros == 1_000_000)
    }

    @Test func aThirtySecondTimelineRunsWithoutWaitingForTheWallClock() throws {
        // 3,000 chunks 10 ms apart: 30 s of virtual time.
        let timeline = try TimelineFixtures.trickle(chunks: 3_000, gapMicros: 10_000)
        let scheduler = VirtualScheduler()
        let delegate = RecordingDelegate()
        let started = ContinuousClock.now
        TimelinePlayer(timeline: timeline, scheduler: scheduler).play(to: delegate)
        scheduler.runUntilIdle()
        let wall = ContinuousClock.now - started
        #expect(scheduler.nowMicros == 30_010_000)
        #expect(delegate.events.count == 3_002)
        // Virtual time must not wait: the bound is loose so a loaded CI machine passes.
        #expect(wall < .seconds(5), "30 s of virtual time took \(wall) of wall time")
    }
}

/// A small deterministic generator, so tests do not depend on the system's randomness.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
