/// What ``Cassette/verify()`` found: SQLite's integrity check and xhrtape's own invariants for
/// every exchange.
public struct CassetteVerification: Sendable, Hashable {
    /// One thing wrong with the file or an exchange.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// What kind of problem. New kinds may be added without breaking callers.
        public struct Kind: Hashable, Sendable, CustomStringConvertible {
            private enum Base: String, Hashable, Sendable {
                case integrity, unreadableExchange, invalidTimeline, eventCountMismatch
                case bodyLengthMismatch, durationMismatch, sequenceGap, orphanEvents
            }

            private let base: Base
            private init(_ base: Base) { self.base = base }

            /// SQLite's `PRAGMA integrity_check` reported damage.
            public static let integrity = Kind(.integrity)
            /// An exchange's row cannot be decoded (bad header block, unknown version, unknown event).
            public static let unreadableExchange = Kind(.unreadableExchange)
            /// An exchange's events break the timeline rules (offsets going back, no single terminal
            /// event last, a chunk before the head …).
            public static let invalidTimeline = Kind(.invalidTimeline)
            /// The number of stored events differs from the count in the exchange row.
            public static let eventCountMismatch = Kind(.eventCountMismatch)
            /// The chunk sizes do not add up to the body length in the exchange row.
            public static let bodyLengthMismatch = Kind(.bodyLengthMismatch)
            /// The terminal event's offset differs from the duration in the exchange row.
            public static let durationMismatch = Kind(.durationMismatch)
            /// Event sequence numbers skip a value.
            public static let sequenceGap = Kind(.sequenceGap)
            /// Events belong to no exchange row.
            public static let orphanEvents = Kind(.orphanEvents)

            public var description: String { base.rawValue }
        }

        /// What kind of problem.
        public var kind: Kind
        /// The exchange concerned, if it is about one.
        public var exchange: ExchangeID?
        /// What is wrong, for people.
        public var message: String

        public var description: String {
            exchange.map { "exchange \($0): \(message) (\(kind))" } ?? "\(message) (\(kind))"
        }
    }

    /// Complete exchanges checked.
    public var exchangeCount: Int
    /// Unfinished exchanges left by a recorder that is still running or died; they are invisible to
    /// readers and removed by the next writer, so they are not problems.
    public var incompleteExchangeCount: Int
    /// Everything found wrong, in file order.
    public var problems: [Problem]

    /// True when nothing is wrong.
    public var isValid: Bool { problems.isEmpty }
}
