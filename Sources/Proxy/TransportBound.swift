/// A value that belongs to the ``TransportThread``, carried through other threads
/// without being touched there: the transport thread's `NIOLoopBound`.
struct TransportBound<Value>: @unchecked Sendable {
    // @unchecked: `wrapped` is only ever read on `thread`, which `value` checks.
    private let wrapped: Value
    private let thread: TransportThread

    /// Wraps `value`; call on `thread`.
    init(_ value: Value, thread: TransportThread) {
        precondition(thread.isCurrent, "TransportBound created off the transport thread")
        self.wrapped = value
        self.thread = thread
    }

    /// The value; only on the transport thread.
    var value: Value {
        precondition(thread.isCurrent, "TransportBound value used off the transport thread")
        return wrapped
    }
}
