/// An exchange as it happened: the request, then every event with its offset in
/// microseconds from the moment the request was issued.
///
/// This is the one value every module shares: live transports produce it, cassettes
/// store it, ``TimelinePlayer`` plays it and the XHR consumes it. A `Timeline` is
/// always valid (see ``init(request:entries:)``).
public struct Timeline: Sendable, Hashable {
    /// One event and when it happened.
    public struct Entry: Sendable, Hashable {
        /// Microseconds since the request was issued.
        public var offsetMicros: Int64
        /// What happened.
        public var event: TimelineEvent

        /// Creates an entry.
        public init(offsetMicros: Int64, event: TimelineEvent) {
            self.offsetMicros = offsetMicros
            self.event = event
        }
    }

    /// The request that started the exchange.
    public let request: ExchangeRequest
    /// The events in order; the last one is terminal.
    public let entries: [Entry]

    /// Creates a timeline after checking that it could have happened:
    ///
    /// - offsets are zero or more and never decrease;
    /// - request-body events carry a positive byte count and none follows the request end,
    ///   which appears at most once;
    /// - at most one response head, final (not 1xx), before any body chunk and before the end;
    /// - body chunks are not empty;
    /// - exactly one terminal event (response end or failure), and it comes last.
    ///
    /// - Throws: ``TimelineError`` naming the first broken rule and the entry's index.
    public init(request: ExchangeRequest, entries: [Entry]) throws(TimelineError) {
        try Self.validate(entries)
        self.request = request
        self.entries = entries
    }

    /// Creates a timeline without checking it, to test how consumers cope with
    /// transports that misbehave (a body before the head, bytes after the end).
    /// Everything else should use ``init(request:entries:)``.
    public static func unchecked(request: ExchangeRequest, entries: [Entry]) -> Timeline {
        Timeline(uncheckedRequest: request, entries: entries)
    }

    private init(uncheckedRequest request: ExchangeRequest, entries: [Entry]) {
        self.request = request
        self.entries = entries
    }

    /// The offset of the last event: how long the exchange took.
    public var durationMicros: Int64 { entries.last?.offsetMicros ?? 0 }

    /// The response head, if one arrived.
    public var responseHead: ResponseHead? {
        for entry in entries {
            if case .responseHead(let head) = entry.event { return head }
        }
        return nil
    }

    /// Every response body byte, concatenated in arrival order.
    public var responseBody: [UInt8] {
        entries.reduce(into: []) { body, entry in
            if case .responseBodyChunk(let bytes) = entry.event { body += bytes }
        }
    }

    /// The failure that ended the exchange, if it did not end cleanly.
    public var failure: TransportFailure? {
        if case .failure(let failure)? = entries.last?.event { return failure }
        return nil
    }

    private static func validate(_ entries: [Entry]) throws(TimelineError) {
        var previousOffset: Int64 = 0
        var sawHead = false
        var sawRequestEnd = false
        for (index, entry) in entries.enumerated() {
            func fail(_ code: TimelineError.Code, _ what: String) -> TimelineError {
                TimelineError(
                    code: code, entryIndex: index,
                    message: "Timeline entry \(index) (\(entry.event.kindName) at \(entry.offsetMicros) µs) \(what)."
                )
            }
            if entry.offsetMicros < 0 { throw fail(.negativeOffset, "has a negative offset") }
            if entry.offsetMicros < previousOffset {
                throw fail(.decreasingOffset, "comes earlier than the entry before it (\(previousOffset) µs)")
            }
            previousOffset = entry.offsetMicros
            if index > 0, entries[index - 1].event.isTerminal {
                throw fail(.eventAfterTerminal, "follows the \(entries[index - 1].event.kindName) that ended the exchange")
            }
            switch entry.event {
            case .requestBodySent(let count):
                if sawRequestEnd { throw fail(.requestEventAfterRequestEnd, "reports request body bytes after the request ended") }
                if count <= 0 { throw fail(.invalidByteCount, "reports \(count) bytes sent; a count must be positive") }
            case .requestEnd:
                if sawRequestEnd { throw fail(.requestEventAfterRequestEnd, "ends the request a second time") }
                sawRequestEnd = true
            case .responseHead(let head):
                if sawHead { throw fail(.duplicateHead, "is a second response head") }
                if (100...199).contains(head.status) {
                    throw fail(.interimHead, "is an interim \(head.status) head; record only the final response")
                }
                sawHead = true
            case .responseBodyChunk(let bytes):
                if !sawHead { throw fail(.bodyBeforeHead, "carries body bytes before any response head") }
                if bytes.isEmpty { throw fail(.emptyChunk, "is empty; leave zero-byte reads out") }
            case .responseEnd:
                if !sawHead { throw fail(.endBeforeHead, "ends a response that never had a head") }
            case .failure:
                break
            }
        }
        guard let last = entries.last, last.event.isTerminal else {
            throw TimelineError(
                code: .missingTerminalEvent, entryIndex: nil,
                message: "The timeline's \(entries.count) entries end without a responseEnd or a failure; "
                    + "add one so consumers know how the exchange finished."
            )
        }
    }
}
