/// Why an exchange ended without a complete response.
///
/// A failure is part of a timeline: it is recorded, stored and replayed like any
/// other event, so a reset after 3 KiB replays as a reset after 3 KiB.
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. Extensible: new kinds can be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionRefused, connectionReset, dns, tls, timedOut, aborted, clientGaveUp, protocolError
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Nothing listened on the address (TCP RST to the SYN).
        public static let connectionRefused = Code(.connectionRefused)
        /// The peer reset or closed the connection before the response was complete.
        public static let connectionReset = Code(.connectionReset)
        /// The host name did not resolve.
        public static let dns = Code(.dns)
        /// The TLS handshake failed or the peer's certificate was not trusted.
        public static let tls = Code(.tls)
        /// A transport-level deadline passed (not the XHR's own `timeout`).
        public static let timedOut = Code(.timedOut)
        /// The exchange was cancelled locally (a body source failed, the transport shut down).
        public static let aborted = Code(.aborted)
        /// The recording's own client went away mid-exchange (it timed out or called
        /// abort()): what the server would have sent next is unknown, so a replay stalls
        /// here instead of failing (see ``TimelinePlayer``).
        public static let clientGaveUp = Code(.clientGaveUp)
        /// The peer broke HTTP framing (bad status line, bad chunked encoding …).
        public static let protocolError = Code(.protocolError)

        /// Every code, in a fixed order (for stores that persist codes by name).
        public static let all: [Code] = [
            .connectionRefused, .connectionReset, .dns, .tls, .timedOut, .aborted, .clientGaveUp, .protocolError,
        ]

        /// The stable name used in files: `connectionReset`, `tls` …
        public var name: String { base.rawValue }

        /// Looks a code up by its stable ``name``.
        public init?(name: String) {
            guard let base = Base(rawValue: name) else { return nil }
            self.base = base
        }

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, in words a user can act on (for example libcurl's error text).
    public var message: String

    /// Creates a failure.
    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (\(code))" }
}
