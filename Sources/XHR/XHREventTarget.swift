/// The DOM `EventTarget` part of ``XMLHttpRequest`` and ``XMLHttpRequestUpload``:
/// listeners per event type, called in registration order, with `onX` handler
/// attributes that take a place in that order when first set (HTML "event handlers").
public class XHREventTarget {
    private var listeners: [(type: String, listener: EventListener)] = []
    private var handlers: [String: EventListener] = [:]

    init() {}

    /// Adds `listener` for `type`; adding the same listener twice for a type does nothing.
    public func addEventListener(_ type: String, _ listener: EventListener) {
        guard !listeners.contains(where: { $0.type == type && $0.listener === listener }) else { return }
        listener.removed = false
        listeners.append((type, listener))
    }

    /// Adds a closure for `type` and returns the listener, to remove it later.
    @discardableResult
    public func addEventListener(_ type: String, _ callback: @escaping (Event) -> Void) -> EventListener {
        let listener = EventListener(callback)
        addEventListener(type, listener)
        return listener
    }

    /// Removes `listener` for `type`; it is not called again, even by a dispatch under way.
    public func removeEventListener(_ type: String, _ listener: EventListener) {
        guard let index = listeners.firstIndex(where: { $0.type == type && $0.listener === listener }) else { return }
        listeners[index].listener.removed = true
        listeners.remove(at: index)
    }

    /// True when any listener or handler is registered (send() step 5 asks this of the upload object).
    package var hasListeners: Bool { !listeners.isEmpty }

    /// The handler attribute for `type` (`onload` is `handler(for: "load")`).
    func handler(for type: String) -> ((Event) -> Void)? {
        handlers[type]?.callback
    }

    /// Sets an `onX` attribute: the first non-nil value takes its place among the
    /// listeners; later values keep that place; nil removes it.
    func setHandler(_ callback: ((Event) -> Void)?, for type: String) {
        if let callback {
            if let existing = handlers[type] {
                existing.callback = callback
            } else {
                let listener = EventListener(callback)
                handlers[type] = listener
                addEventListener(type, listener)
            }
        } else if let existing = handlers.removeValue(forKey: type) {
            removeEventListener(type, existing)
        }
    }

    /// Calls the listeners for `event.type` in order, as registered when dispatch began.
    func dispatch(_ event: Event) {
        let current = listeners.filter { $0.type == event.type }.map(\.listener)
        for listener in current where !listener.removed {
            listener.callback(event)
        }
    }
}

@available(*, unavailable, message: "Event targets belong to the scheduler context that drives them")
extension XHREventTarget: Sendable {}
