/// What a proxy has done so far: a snapshot of its counters (``ProxyServer/statistics``).
///
/// An exchange counts once, when it ends, under how it was served; a failed exchange
/// (an upstream reset, a refused connection) also counts in ``failures``.
public struct ProxyStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Exchanges fetched upstream and written into the cassette (client aborts included).
    public var recorded = 0
    /// Exchanges answered from the cassette.
    public var replayed = 0
    /// Exchanges forwarded upstream without recording.
    public var passedThrough = 0
    /// Requests the cassette had no recording for (answered 598).
    public var misses = 0
    /// Requests a replaying proxy answered 598 unlooked-up because their host is outside its
    /// ``ProxyConfiguration/hostFilter`` (not misses). A recording proxy passes them through instead.
    public var filtered = 0
    /// Exchanges that ended in a failure: upstream refused, reset, timed out, or a recorded failure replayed.
    public var failures = 0
    /// Exchanges whose client went away before the response ended.
    public var clientAborts = 0
    /// Exchanges still running when the proxy stopped past its drain deadline: closed by the
    /// proxy, and recorded (when recording) up to where they stood.
    public var cutOffAtStop = 0
    /// Requests the proxy refused itself (malformed, too large, addressed to the proxy …).
    public var rejected = 0
    /// Exchanges started and not finished yet.
    public var inFlight = 0

    /// Creates a snapshot.
    public init() {}

    public var description: String {
        "\(recorded) recorded, \(replayed) replayed, \(passedThrough) passed through, \(misses) missed, "
            + (filtered > 0 ? "\(filtered) outside the host filter, " : "")
            + "\(failures) failed, \(clientAborts) aborted by the client, \(cutOffAtStop) cut off at stop, \(rejected) rejected"
    }
}
