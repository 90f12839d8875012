/// Why a ``CurlTransport`` or one of its helpers could not be set up.
///
/// Failures of an exchange are not errors of this kind: they arrive as
/// `TimelineEvent.failure` events carrying a `TransportFailure`, because they are part
/// of the recorded timeline.
public struct CurlTransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong. Extensible: new codes can be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case initializationFailed, invalidConfiguration, unreadableBodyFile
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// libcurl could not be initialised, or the driver thread could not be started.
        public static let initializationFailed = Code(.initializationFailed)
        /// A configuration value is out of range.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A file meant as a request body could not be opened or measured.
        public static let unreadableBodyFile = Code(.unreadableBodyFile)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What happened, the values involved and what to do next; shown to users verbatim.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(message) (\(code))" }
}
