/// The header line.
public struct TraceHeader: Sendable, Hashable {
    /// Where the events came from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// A cassette replayed on the virtual clock.
        case replay
        /// A live exchange on the real-time clock.
        case live
        /// A real browser.
        case browser
    }

    /// The format version: 1.
    public var version: Int
    /// The XHR profile (`spec`, `chromium`).
    public var profile: String
    public var source: Source

    public init(version: Int = 1, profile: String, source: Source) {
        self.version = version
        self.profile = profile
        self.source = source
    }
}
