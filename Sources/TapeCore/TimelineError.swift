/// Why a sequence of events is not a valid ``Timeline``.
public struct TimelineError: Error, Sendable, CustomStringConvertible {
    /// The rule that was broken. Extensible: new rules can be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case negativeOffset, decreasingOffset, missingTerminalEvent, eventAfterTerminal
            case bodyBeforeHead, endBeforeHead, duplicateHead, interimHead, emptyChunk
            case invalidByteCount, requestEventAfterRequestEnd
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// An offset is below zero.
        public static let negativeOffset = Code(.negativeOffset)
        /// An offset is smaller than the one before it.
        public static let decreasingOffset = Code(.decreasingOffset)
        /// The last event is neither a response end nor a failure.
        public static let missingTerminalEvent = Code(.missingTerminalEvent)
        /// Something follows the response end or the failure.
        public static let eventAfterTerminal = Code(.eventAfterTerminal)
        /// A body chunk comes before the response head.
        public static let bodyBeforeHead = Code(.bodyBeforeHead)
        /// The response ends without a head.
        public static let endBeforeHead = Code(.endBeforeHead)
        /// A second response head.
        public static let duplicateHead = Code(.duplicateHead)
        /// A 1xx head: interim responses are not part of a timeline.
        public static let interimHead = Code(.interimHead)
        /// A body chunk with no bytes: a zero-byte read is not an event.
        public static let emptyChunk = Code(.emptyChunk)
        /// A request-body event with a byte count of zero or less.
        public static let invalidByteCount = Code(.invalidByteCount)
        /// Request body bytes or a second request end after the request ended.
        public static let requestEventAfterRequestEnd = Code(.requestEventAfterRequestEnd)

        public var description: String { base.rawValue }
    }

    /// The rule that was broken.
    public var code: Code
    /// The index of the offending entry, or nil when the problem is the timeline as a whole.
    public var entryIndex: Int?
    /// What is wrong and where, for a user.
    public var message: String

    /// Creates an error.
    public init(code: Code, entryIndex: Int?, message: String) {
        self.code = code
        self.entryIndex = entryIndex
        self.message = message
    }

    public var description: String { "\(message) (\(code))" }
}
