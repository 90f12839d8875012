public import Cassette
public import TapeCore

/// What the proxy does with each request.
public enum ProxyMode: Sendable {
    /// Forward upstream through libcurl and record into `cassette` as `recordMode` says
    /// (``RecordMode/once``, ``RecordMode/new`` and ``RecordMode/none`` may replay;
    /// replayed exchanges are played with `timing`). `matching` decides what counts as
    /// the same request.
    case record(cassette: Cassette, recordMode: RecordMode = .all, timing: TimingMode = .original,
                matching: MatchOptions = MatchOptions())
    /// Answer only from `cassette`, with the recorded chunk boundaries and `timing`;
    /// never contacts upstream. A request with no recording gets status 598.
    case replay(cassette: Cassette, timing: TimingMode = .original, matching: MatchOptions = MatchOptions())
    /// Forward upstream through libcurl without recording.
    case passthrough
}
