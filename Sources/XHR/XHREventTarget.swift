/// The standard's `XMLHttpRequestEventTarget`: the DOM `EventTarget` part of
/// ``XMLHttpRequest`` and ``XMLHttpRequestUpload``, with the progress handler attributes:
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

    // The XMLHttpRequestEventTarget handler attributes, shared by the xhr and its upload object.
    public var onloadstart: ((Event) -> Void)? { get { handler(for: "loadstart") } set { setHandler(newValue, for: "loadstart") } }
    public var onprogress: ((Event) -> Void)? { get { handler(for: "progress") } set { setHandler(newValue, for: "progress") } }
    public var onabort: ((Event) -> Void)? { get { handler(for: "abort") } set { setHandler(newValue, for: "abort") } }
    public var onerror: ((Event) -> Void)? { get { handler(for: "error") } set { setHandler(newValue, for: "error") } }
    public var onload: ((Event) -> Void)? { get { handler(for: "load") } set { setHandler(newValue, for: "load") } }
    public var ontimeout: ((Event) -> Void)? { get { handler(for: "timeout") } set { setHandler(newValue, for: "timeout") } }
    public var onloadend: ((Event) -> Void)? { get { handler(for: "loadend") } set { setHandler(newValue, for: "loadend") } }

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
