/// An error from the local certificate authority.
///
/// Switch on ``TLSError/code`` to react programmatically; ``TLSError/message`` is written for
/// people: it names the values involved, includes OpenSSL's own error text where OpenSSL
/// failed, and says what to do next.
public struct TLSError: Error, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case keyGeneration
            case certificateCreation
            case invalidPEM
            case keyMismatch
            case notACertificateAuthority
            case invalidHost
            case invalidValidity
            case fileExists
            case fileNotFound
            case insecureKeyFile
            case io
        }

        private let base: Base

        /// OpenSSL could not generate a key pair.
        public static let keyGeneration = Code(base: .keyGeneration)
        /// OpenSSL could not build, extend or sign a certificate, or the subject name was rejected.
        public static let certificateCreation = Code(base: .certificateCreation)
        /// A certificate or private key is not PEM that OpenSSL can parse (or the key is encrypted).
        public static let invalidPEM = Code(base: .invalidPEM)
        /// The private key does not belong to the certificate's public key.
        public static let keyMismatch = Code(base: .keyMismatch)
        /// The certificate lacks `basicConstraints CA:TRUE` or the `keyCertSign` key usage.
        public static let notACertificateAuthority = Code(base: .notACertificateAuthority)
        /// The host list is empty, or a host is neither a DNS name nor an IP literal.
        public static let invalidHost = Code(base: .invalidHost)
        /// The requested validity is out of range (leaves: 1–397 days).
        public static let invalidValidity = Code(base: .invalidValidity)
        /// A file would be overwritten and overwriting was not requested.
        public static let fileExists = Code(base: .fileExists)
        /// A file the CA needs is missing.
        public static let fileNotFound = Code(base: .fileNotFound)
        /// The private key file is readable or writable by group or others.
        public static let insecureKeyFile = Code(base: .insecureKeyFile)
        /// A file-system call failed.
        public static let io = Code(base: .io)

        public var description: String { String(describing: self.base) }
    }

    /// What kind of failure happened.
    public var code: Code
    /// What happened, with the values involved and what to do next. Shown to users verbatim.
    public var message: String
    /// The underlying error, if a Swift error caused this one.
    public var cause: (any Error)?

    public var description: String { "\(self.message) (\(self.code))" }

    init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// An error whose message ends with the text of OpenSSL's (thread-local) error queue, which
    /// this drains.
    static func openSSL(_ code: Code, _ message: String) -> TLSError {
        guard let queue = OpenSSLErrorQueue.drain() else {
            return TLSError(code: code, message: message)
        }
        return TLSError(code: code, message: "\(message) OpenSSL: \(queue)")
    }
}
