/// An error from encoding or decoding an HTTP content coding.
///
/// Switch on ``code`` to react; ``message`` is for people and names the coding, the byte offsets
/// involved and what to do next.
public struct ContentCodingError: Error, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case corruptData, truncated, trailingData, outputLimitExceeded, initializationFailed, libraryFailure
        }

        private let base: Base

        /// The compressed bytes are not valid for the coding: a wrong header, an invalid block,
        /// a checksum mismatch, or a body that was never compressed.
        public static let corruptData = Code(base: .corruptData)
        /// The input ended before the compressed stream did (``ContentDecoder/finish()``).
        public static let truncated = Code(base: .truncated)
        /// Bytes followed the end of the compressed stream (for gzip: bytes that do not start
        /// another gzip member).
        public static let trailingData = Code(base: .trailingData)
        /// Decoding would produce more than ``ContentDecoder/maximumOutputBytes`` bytes.
        public static let outputLimitExceeded = Code(base: .outputLimitExceeded)
        /// The encoder or decoder could not be created, for example because a compression level
        /// is out of range.
        public static let initializationFailed = Code(base: .initializationFailed)
        /// zlib or brotli reported a failure that is not about the data, such as running out of
        /// memory or an inconsistent stream state.
        public static let libraryFailure = Code(base: .libraryFailure)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure happened.
    public var code: Code
    /// What happened, with the values involved, and what to do next. Shown to users verbatim.
    public var message: String
    /// The underlying error, if another error caused this one.
    public var cause: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure happened.
    ///   - message: What happened, with the values involved, and what to do next.
    ///   - cause: The underlying error, if any.
    init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(message) (\(code))" }
}
