/// The exceptions XMLHttpRequest's methods throw, named as the DOM names them.
public struct DOMException: Error, Sendable, Hashable, CustomStringConvertible {
    /// The DOMException name. Extensible: new names can be added without breaking clients.
    public struct Name: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case InvalidStateError, SyntaxError, SecurityError, InvalidAccessError
            case NetworkError, TimeoutError, AbortError, TypeError
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The object is not in a state that allows the call.
        public static let invalidStateError = Name(.InvalidStateError)
        /// A method, URL or header could not be parsed.
        public static let syntaxError = Name(.SyntaxError)
        /// The method or header is forbidden.
        public static let securityError = Name(.SecurityError)
        /// The call is not allowed on this kind of object (sync with a timeout, …).
        public static let invalidAccessError = Name(.InvalidAccessError)
        /// A synchronous request failed at the network level.
        public static let networkError = Name(.NetworkError)
        /// A synchronous request timed out.
        public static let timeoutError = Name(.TimeoutError)
        /// A synchronous request was aborted.
        public static let abortError = Name(.AbortError)
        /// Not a DOMException in a browser but the JavaScript `TypeError` that WebIDL's
        /// ByteString conversion throws (a header with a code point above U+00FF).
        public static let typeError = Name(.TypeError)

        /// The name as the DOM spells it: `InvalidStateError` …
        public var description: String { base.rawValue }
    }

    /// The exception's name.
    public var name: Name
    /// What was wrong, for a user.
    public var message: String

    /// Creates an exception.
    public init(_ name: Name, _ message: String) {
        self.name = name
        self.message = message
    }

    public var description: String { "\(name): \(message)" }

    /// The exception XHR throws for a rejected author input.
    init(_ error: FetchRuleError) {
        switch error.code {
        case .forbiddenMethod: self.init(.securityError, error.message)
        case .notAByteString: self.init(.typeError, error.message)
        default: self.init(.syntaxError, error.message)
        }
    }
}
