public import TapeCore

/// What replay compares when it looks a request up in a cassette.
///
/// The key is always the method and the normalised URL: scheme, host and port (a default port
/// equals no port), path, and query. The options below loosen the query or add the body, chosen
/// headers and a closure of your own.
///
/// ```swift
/// var options = MatchOptions()
/// options.body = .json                       // {"a":1,"b":2} matches {"b":2, "a":1}
/// options.headers = ["Accept"]
/// options.ignoresQueryOrder = true
/// options.ignoredQueryParameters = ["_"]     // jQuery's cache buster
/// options.whenExhausted = .repeatLast
/// ```
public struct MatchOptions: Sendable {
    /// How request bodies are compared, when they are.
    public enum BodyMatching: Sendable, Hashable, CustomStringConvertible {
        /// Byte for byte.
        case exact
        /// As JSON values: key order, whitespace and string escapes do not matter. Bodies that
        /// are not JSON are compared byte for byte.
        case json
        /// As `application/x-www-form-urlencoded` fields: decoded, and in any order of names
        /// (the order of one name's repeated values still counts).
        case form

        public var description: String {
            switch self {
            case .exact: "exact"
            case .json: "json"
            case .form: "form"
            }
        }
    }

    /// What happens when every recorded exchange for a request has been used.
    public enum Exhaustion: Sendable, Hashable {
        /// Serve the last of them again, as often as asked.
        case repeatLast
        /// Fail with ``CassetteError/Code/exhausted``.
        case fail
    }

    /// Compare bodies this way; nil (the default) ignores bodies.
    public var body: BodyMatching?
    /// Header fields whose values must be equal, by name in any case. All values of a field
    /// count, in order.
    public var headers: [String]
    /// Whether `?a=1&b=2` matches `?b=2&a=1`. The order of one name's repeated values still counts.
    public var ignoresQueryOrder: Bool
    /// Query parameters left out of the comparison, by decoded name.
    public var ignoredQueryParameters: Set<String>
    /// A further test a recorded request must pass, given the live request (already redacted).
    public var custom: (@Sendable (_ live: ExchangeRequest, _ recorded: RecordedRequest) -> Bool)?
    /// What to do once identical requests have used up their recordings.
    public var whenExhausted: Exhaustion

    /// Creates options; the defaults match method and URL only and fail when exhausted.
    public init(
        body: BodyMatching? = nil, headers: [String] = [], ignoresQueryOrder: Bool = false,
        ignoredQueryParameters: Set<String> = [],
        custom: (@Sendable (_ live: ExchangeRequest, _ recorded: RecordedRequest) -> Bool)? = nil,
        whenExhausted: Exhaustion = .fail
    ) {
        self.body = body
        self.headers = headers
        self.ignoresQueryOrder = ignoresQueryOrder
        self.ignoredQueryParameters = ignoredQueryParameters
        self.custom = custom
        self.whenExhausted = whenExhausted
    }

    /// The compared fields in words, for messages: `method, URL, body (json), header Accept`.
    var summary: String {
        var parts = ["method", ignoresQueryOrder ? "URL (query in any order)" : "URL"]
        if !ignoredQueryParameters.isEmpty {
            parts[1] += " ignoring " + ignoredQueryParameters.sorted().joined(separator: ", ")
        }
        if let body { parts.append("body (\(body))") }
        parts += headers.map { "header \($0)" }
        if custom != nil { parts.append("a custom matcher") }
        return parts.joined(separator: ", ")
    }
}
