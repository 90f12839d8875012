/// Why the scenario server could not start.
public struct ScenarioServerError: Error, CustomStringConvertible {
    /// What went wrong. Extensible: new codes can be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable { case notLoopback, bindFailed, tlsSetupFailed }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The configured host is not a loopback address.
        public static let notLoopback = Code(.notLoopback)
        /// The port could not be bound (in use, or not permitted).
        public static let bindFailed = Code(.bindFailed)
        /// The test certificate authority or the TLS context could not be created.
        public static let tlsSetupFailed = Code(.tlsSetupFailed)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do, for a user.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    public var description: String { "\(message) (\(code))" }
}
