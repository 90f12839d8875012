/// When a ``RecordingTransport`` goes to the network, and whether it records what comes back.
///
/// The modes and their names are VCR's (`:once`, `:new_episodes`, `:all`, `:none`), plus
/// Polly.js's `passthrough`. "Recorded" below means present in the cassette when the transport was
/// created: exchanges recorded during a session are not replayed in that same session, as in VCR.
public enum RecordMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Record everything if the cassette holds no exchanges; otherwise replay only, and a request
    /// with no recording fails (VCR's default). The usual mode for tests: the first run records,
    /// every later run is offline.
    case once
    /// Replay what matches a recording; send everything else to the network and record it
    /// (VCR's `new_episodes`). For growing a cassette as an application gains requests.
    case new
    /// Send everything to the network and record it, never replaying. A new recording replaces
    /// the earlier recordings of the same request (same match key), in the transaction that
    /// stores it; recordings of requests not made again are kept. For refreshing a cassette.
    case all
    /// Replay only; never touch the network, and a request with no recording fails with
    /// ``CassetteError/Code/noMatch``. For CI, where a missing recording must be loud.
    case none
    /// Send everything to the network and record nothing, never replaying: the cassette is
    /// bypassed (Polly.js's `passthrough`). For comparing a live run with a replayed one.
    case passthrough

    public var description: String { rawValue }
}
