/// Why replay could not serve a request: the request, and the recorded exchange that came
/// closest with every way it differs.
public struct RequestMiss: Sendable, Hashable {
    /// The recorded exchange most like the request.
    public struct Closest: Sendable, Hashable {
        /// Its id.
        public var id: ExchangeID
        /// Its method.
        public var method: String
        /// Its URL.
        public var url: String
        /// How it differs from the request; empty when it matches but has been used up.
        public var differences: [MatchDifference]
    }

    /// The request's method.
    public var method: String
    /// The request's URL (after redaction).
    public var url: String
    /// The closest recorded exchange, nil when the cassette has none.
    public var closest: Closest?
}
