import Synchronization

/// The proxy's live counters, bumped from event loops and the transport thread; read as
/// a ``ProxyStatistics`` snapshot.
final class ProxyCounters: Sendable {
    /// How an exchange was served.
    enum Kind: Sendable {
        /// Fetched upstream and recorded.
        case recorded
        /// Answered from the cassette.
        case replayed
        /// Fetched upstream, not recorded.
        case passedThrough
    }

    private let recorded = Atomic<Int>(0)
    private let replayed = Atomic<Int>(0)
    private let passedThrough = Atomic<Int>(0)
    private let misses = Atomic<Int>(0)
    private let filteredOut = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)
    private let clientAborts = Atomic<Int>(0)
    private let cutOffs = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let rejected = Atomic<Int>(0)
    private let inFlight = Atomic<Int>(0)

    /// An exchange served as `kind` ended; `failed` when it ended in a failure.
    func finished(_ kind: Kind, failed: Bool) {
        switch kind {
        case .recorded: recorded.add(1, ordering: .relaxed)
        case .replayed: replayed.add(1, ordering: .relaxed)
        case .passedThrough: passedThrough.add(1, ordering: .relaxed)
        }
        if failed { failures.add(1, ordering: .relaxed) }
    }

    /// The cassette had no recording for a request.
    func missed() { misses.add(1, ordering: .relaxed) }
    /// A replaying proxy refused a request outside its host filter.
    func filtered() { filteredOut.add(1, ordering: .relaxed) }
    /// A client went away before its response ended.
    func clientAborted() { clientAborts.add(1, ordering: .relaxed) }
    /// The proxy closed a connection whose exchange outlasted the drain deadline.
    func cutOffAtStop() { cutOffs.add(1, ordering: .relaxed) }
    /// The proxy is closing its connections: an exchange abandoned from now on was cut off
    /// by the proxy, not by its client.
    func beginStopping() { stopping.store(true, ordering: .releasing) }
    /// True once ``beginStopping()`` was called.
    var isStopping: Bool { stopping.load(ordering: .acquiring) }
    /// The proxy refused a request.
    func refused() { rejected.add(1, ordering: .relaxed) }
    /// A connection started an exchange.
    func exchangeStarted() { inFlight.add(1, ordering: .relaxed) }
    /// A connection is done with its exchange (answered, failed or abandoned).
    func exchangeEnded() { inFlight.subtract(1, ordering: .relaxed) }

    /// The counters now.
    var snapshot: ProxyStatistics {
        var statistics = ProxyStatistics()
        statistics.recorded = recorded.load(ordering: .relaxed)
        statistics.replayed = replayed.load(ordering: .relaxed)
        statistics.passedThrough = passedThrough.load(ordering: .relaxed)
        statistics.misses = misses.load(ordering: .relaxed)
        statistics.filtered = filteredOut.load(ordering: .relaxed)
        statistics.failures = failures.load(ordering: .relaxed)
        statistics.clientAborts = clientAborts.load(ordering: .relaxed)
        statistics.cutOffAtStop = cutOffs.load(ordering: .relaxed)
        statistics.rejected = rejected.load(ordering: .relaxed)
        statistics.inFlight = inFlight.load(ordering: .relaxed)
        return statistics
    }
}
