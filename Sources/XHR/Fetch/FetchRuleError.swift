/// An author input that the XHR/Fetch rules in this folder reject.
///
/// ``Code`` is extensible; ``domExceptionName`` says which exception XHR throws for it.
public struct FetchRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of input was rejected.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidMethod, forbiddenMethod, invalidHeaderName, invalidHeaderValue, notAByteString, invalidURL
        }

        private let base: Base

        /// The method is not a token: `open()` step 2 throws "SyntaxError".
        public static let invalidMethod = Code(base: .invalidMethod)
        /// CONNECT, TRACE or TRACK: `open()` step 3 throws "SecurityError".
        public static let forbiddenMethod = Code(base: .forbiddenMethod)
        /// The header name is not a token: `setRequestHeader()` step 4 throws "SyntaxError".
        public static let invalidHeaderName = Code(base: .invalidHeaderName)
        /// The normalized value has NUL, CR or LF: `setRequestHeader()` step 4 throws "SyntaxError".
        public static let invalidHeaderValue = Code(base: .invalidHeaderValue)
        /// A code point above U+00FF where WebIDL wants a ByteString: a TypeError.
        public static let notAByteString = Code(base: .notAByteString)
        /// The URL cannot be parsed: `open()` step 6 throws "SyntaxError".
        public static let invalidURL = Code(base: .invalidURL)

        public var description: String { String(describing: base) }
    }

    /// What was rejected.
    public var code: Code
    /// What happened, with the offending value, and what to do instead.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The name of the exception XHR throws: "SyntaxError", "SecurityError" (both DOMException
    /// names) or "TypeError" (a JavaScript error).
    public var domExceptionName: String {
        switch code {
        case .forbiddenMethod: return "SecurityError"
        case .notAByteString: return "TypeError"
        default: return "SyntaxError"
        }
    }

    public var description: String { "\(message) (\(code))" }
}
