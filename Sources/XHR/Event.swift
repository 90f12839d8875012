/// An event dispatched at an ``XMLHttpRequest`` or its upload object.
///
/// A class, as in the DOM: listeners see the same object, and `target` is the object
/// the event was fired at.
public class Event {
    /// The event's name: `readystatechange`, `loadstart`, `progress` …
    public let type: String
    /// The object the event was fired at.
    public private(set) weak var target: XHREventTarget?
    /// Which of the two objects that is, as a value.
    public let targetKind: XHREventTargetKind

    init(type: String, target: XHREventTarget, targetKind: XHREventTargetKind) {
        self.type = type
        self.target = target
        self.targetKind = targetKind
    }
}

/// A progress event: `loadstart`, `progress`, `load`, `error`, `abort`, `timeout`, `loadend`.
public final class ProgressEvent: Event {
    /// True when ``total`` is known (not zero).
    public let lengthComputable: Bool
    /// Bytes transferred so far (decoded bytes for downloads).
    public let loaded: Int64
    /// The expected total, or 0 when unknown.
    public let total: Int64

    init(type: String, target: XHREventTarget, targetKind: XHREventTargetKind, loaded: Int64, total: Int64) {
        self.lengthComputable = total != 0
        self.loaded = loaded
        self.total = total
        super.init(type: type, target: target, targetKind: targetKind)
    }
}

@available(*, unavailable, message: "Events belong to the scheduler context that dispatches them")
extension Event: Sendable {}
