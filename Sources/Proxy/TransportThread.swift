import Foundation
import NIOCore
import Synchronization
import TapeCore

/// The thread that owns the proxy's transports: on which replayed timelines play, the
/// cassette writes are handed over and libcurl's events arrive.
///
/// Recording and passthrough have a thread of their own, never an event loop: it drives a
/// `RealTimeScheduler`, which hosts libcurl's multi handle (`CurlTransport(hostedBy:)`: the
/// thread waits on libcurl's sockets and its own work together), so libcurl's waits and the
/// cassette's blocking writes never stall a connection. Replay has no libcurl and nothing
/// that waits on the network: with one event loop, its transports run on that loop
/// (``init(eventLoop:)``), which serves the connections too, and a replayed exchange then
/// crosses no thread (replay at 16 connections: 7–24 % more requests per second, p50 lower).
/// The price: the cassette reads the read-ahead does not do run on that loop, a body over
/// 256 KiB as it streams and an exchange not read ahead yet: microseconds from the page
/// cache, but the loop's connections wait for a cold disk.
///
/// Work reaches it with ``execute(_:)``; values that belong to it cross threads inside
/// ``TransportBound``.
final class TransportThread: Sendable {
    /// The scheduler the transports run on.
    let scheduler: any Scheduler & Sendable
    /// The scheduler that can host libcurl: this thread's own; nil on an event loop.
    let hostScheduler: RealTimeScheduler?
    private let eventLoop: (any EventLoop)?
    private let stopping = Atomic<Bool>(false)
    private let state = Mutex<State>(State())

    private struct State: Sendable {
        var threadID: pthread_t?
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Starts a thread of its own, named `name` (at most ``ThreadName/maximumBytes`` are kept).
    init(name: String = "xhrtape-proxy") {
        let scheduler = RealTimeScheduler()
        self.scheduler = scheduler
        self.hostScheduler = scheduler
        self.eventLoop = nil
        let thread = Thread { [self] in
            ThreadName.setCurrent(name)
            state.withLock { $0.threadID = pthread_self() }
            while !stopping.load(ordering: .acquiring) {
                _ = scheduler.run(until: { stopping.load(ordering: .acquiring) }, timeoutMicros: 1_000_000)
            }
            let waiters = state.withLock { state in
                state.finished = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.start()
    }

    /// Runs the transports on `eventLoop` instead of a thread of their own (replay with one event loop).
    init(eventLoop: any EventLoop) {
        self.scheduler = EventLoopScheduler(eventLoop: eventLoop)
        self.hostScheduler = nil
        self.eventLoop = eventLoop
    }

    /// True on this thread.
    var isCurrent: Bool {
        if let eventLoop { return eventLoop.inEventLoop }
        return state.withLock { state in state.threadID.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    /// Runs `work` on this thread, after work handed in earlier. Callable from any thread.
    func execute(_ work: @escaping @Sendable () -> Void) {
        if let eventLoop {
            eventLoop.execute(work)
        } else {
            hostScheduler?.execute(work)
        }
    }

    /// Stops the thread once the work already due has run, and waits for it to end. On an
    /// event loop, returns at once: the loop's group ends it.
    func stop() async {
        guard let hostScheduler else { return }
        stopping.store(true, ordering: .releasing)
        hostScheduler.execute {}
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.finished { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
