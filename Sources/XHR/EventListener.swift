/// A listener registered with ``XHREventTarget/addEventListener(_:_:)``; keep it to
/// remove it again (closures have no identity in Swift, listeners do).
public final class EventListener {
    var callback: (Event) -> Void
    /// Set when removed, so a dispatch already under way skips it (DOM "removed" flag).
    var removed = false

    /// Wraps `callback`.
    public init(_ callback: @escaping (Event) -> Void) {
        self.callback = callback
    }
}

@available(*, unavailable, message: "Listeners belong to the scheduler context that dispatches them")
extension EventListener: Sendable {}
