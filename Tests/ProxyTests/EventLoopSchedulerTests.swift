import NIOCore
import NIOPosix
import Synchronization
import TapeCore
import Testing

@testable import Proxy

/// The replay proxy's scheduler on a real event loop: work runs by deadline (ties in the order
/// scheduled), not before it, and cancelled work never. Each test awaits the loop with a deadline.
struct EventLoopSchedulerTests {
    /// Runs `body` on a one-thread loop's scheduler and returns what it recorded once `done` fires.
    private func onLoop(
        _ body: @escaping @Sendable (EventLoopScheduler, EventLoopPromise<[String]>) -> Void
    ) async throws -> [String] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let scheduler = EventLoopScheduler(eventLoop: loop)
        let promise = loop.makePromise(of: [String].self)
        // A deadline, so a lost piece of work fails the test instead of hanging it.
        let timeout = loop.scheduleTask(in: .seconds(10)) { promise.fail(ChannelError.ioOnClosedChannel) }
        loop.execute { body(scheduler, promise) }
        let log: Result<[String], any Error>
        do { log = .success(try await promise.futureResult.get()) } catch { log = .failure(error) }
        timeout.cancel()
        try await group.shutdownGracefully()
        return try log.get()
    }

    @Test func workDueAtOneInstantRunsInTheOrderItWasScheduled() async throws {
        let log = try await onLoop { scheduler, promise in
            nonisolated(unsafe) var log: [String] = []
            let now = scheduler.nowMicros
            for name in ["a", "b", "c"] {
                scheduler.schedule(atMicros: now) { log.append(name) }
            }
            scheduler.schedule(atMicros: now) { promise.succeed(log) }
        }
        #expect(log == ["a", "b", "c"])
    }

    @Test func workWhoseDeadlinePassedRunsBeforeLaterDeadlinesScheduledFirstOrSince() async throws {
        // A timer at +200 µs; then, once that deadline has passed, work due now and work due
        // at 0: all are due at the next turn, and run by deadline (ties: in scheduling order).
        let log = try await onLoop { scheduler, promise in
            nonisolated(unsafe) var log: [String] = []
            let start = scheduler.nowMicros
            scheduler.schedule(atMicros: start + 200) { log.append("at +200 µs") }
            while scheduler.nowMicros < start + 1_000 {}  // the loop is busy past that deadline
            scheduler.schedule(atMicros: scheduler.nowMicros) { log.append("due now") }
            scheduler.schedule(atMicros: 0) { log.append("at 0") }
            scheduler.schedule(afterMicros: 5_000) { promise.succeed(log) }
        }
        #expect(log == ["at 0", "at +200 µs", "due now"])
    }

    @Test func laterWorkRunsNoSoonerThanItsDeadline() async throws {
        let log = try await onLoop { scheduler, promise in
            let start = scheduler.nowMicros
            scheduler.schedule(afterMicros: 20_000) {
                let waited = scheduler.nowMicros - start
                promise.succeed([waited >= 20_000 ? "on time" : "early by \(20_000 - waited) µs"])
            }
        }
        #expect(log == ["on time"])
    }

    @Test func cancelledWorkNeverRunsWhetherDueNowOrLater() async throws {
        let log = try await onLoop { scheduler, promise in
            nonisolated(unsafe) var log: [String] = []
            let now = scheduler.schedule(atMicros: scheduler.nowMicros) { log.append("due now") }
            let later = scheduler.schedule(afterMicros: 5_000) { log.append("later") }
            scheduler.schedule(atMicros: scheduler.nowMicros) { log.append("kept") }
            scheduler.cancel(now)
            scheduler.cancel(later)
            // After the cancelled timer's deadline has passed.
            scheduler.schedule(afterMicros: 15_000) { promise.succeed(log) }
        }
        #expect(log == ["kept"])
    }

    @Test func cancellingWorkThatAlreadyRanChangesNothing() async throws {
        let log = try await onLoop { scheduler, promise in
            nonisolated(unsafe) var log: [String] = []
            nonisolated(unsafe) var first: ScheduledTaskID?
            first = scheduler.schedule(atMicros: 0) { log.append("first") }
            scheduler.schedule(atMicros: 0) {
                scheduler.cancel(first!)
                scheduler.schedule(atMicros: 0) { log.append("second") }
                scheduler.schedule(atMicros: 0) { promise.succeed(log) }
            }
        }
        #expect(log == ["first", "second"])
    }
}
