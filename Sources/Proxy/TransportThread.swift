import Foundation
import Synchronization
import TapeCore

/// The thread that owns the proxy's transports: it drives a `RealTimeScheduler`, which
/// hosts libcurl's multi handle (`CurlTransport(hostedBy:)`: the thread waits on libcurl's
/// sockets and its own work together), on which replayed timelines play and the cassette
/// writes are handed over — never on an event loop.
///
/// Work reaches it with ``execute(_:)``; values that belong to it cross threads inside
/// ``TransportBound``.
final class TransportThread: Sendable {
    /// The scheduler this thread drives; the executor of the proxy's `CurlTransport`.
    let scheduler = RealTimeScheduler()
    private let stopping = Atomic<Bool>(false)
    private let state = Mutex<State>(State())

    private struct State: Sendable {
        var threadID: pthread_t?
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Starts the thread, named `name` (at most ``ThreadName/maximumBytes`` are kept).
    init(name: String = "xhrtape-proxy") {
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

    /// True on this thread.
    var isCurrent: Bool {
        state.withLock { state in state.threadID.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    /// Runs `work` on this thread, after work handed in earlier. Callable from any thread.
    func execute(_ work: @escaping @Sendable () -> Void) {
        scheduler.execute(work)
    }

    /// Stops the thread once the work already due has run, and waits for it to end.
    func stop() async {
        stopping.store(true, ordering: .releasing)
        scheduler.execute {}
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
