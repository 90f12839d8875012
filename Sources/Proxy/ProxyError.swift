/// Why the proxy could not start or could not serve.
///
/// Follows the project's error model: an extensible ``Code``, a message that says what
/// happened and what to do next, and the underlying cause.
public struct ProxyError: Error, CustomStringConvertible {
    /// The kind of failure. New codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidConfiguration, bindFailed, transportUnavailable, cassetteUnusable, shutDown
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A configuration value is out of range (a negative port, a zero limit …).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The listening socket could not be bound (address in use, not a local address …).
        public static let bindFailed = Code(.bindFailed)
        /// libcurl could not be started for record or passthrough mode.
        public static let transportUnavailable = Code(.transportUnavailable)
        /// The cassette cannot be used in the chosen mode (read-only for recording, unreadable …).
        public static let cassetteUnusable = Code(.cassetteUnusable)
        /// The proxy was already shut down.
        public static let shutDown = Code(.shutDown)

        public var description: String { base.rawValue }
    }

    /// What kind of failure happened.
    public var code: Code
    /// What happened, with the values involved, and what to do next. Shown to users verbatim.
    public var message: String
    /// The underlying error, if another error caused this one.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(message) (\(code))" }
}
