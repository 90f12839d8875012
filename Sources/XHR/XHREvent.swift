/// Which object an event is fired at.
public enum XHREventTargetKind: String, Sendable, Hashable {
    /// The ``XMLHttpRequest`` itself.
    case xhr
    /// Its ``XMLHttpRequest/upload`` object.
    case upload
}

/// The names of the progress events (XHR standard, "Events summary").
public enum ProgressEventType: String, Sendable, Hashable, CaseIterable {
    case loadstart, progress, abort, error, load, timeout, loadend
}

/// An event the state machine fires, before it becomes an ``Event`` object.
public enum XHREvent: Sendable, Hashable {
    /// `readystatechange` at the xhr.
    case readyStateChange
    /// A progress event; `lengthComputable` is `total != 0` ("fire a progress event").
    case progress(ProgressEventType, target: XHREventTargetKind, loaded: Int64, total: Int64)

    /// The event's name, as `addEventListener` takes it.
    public var type: String {
        switch self {
        case .readyStateChange: "readystatechange"
        case .progress(let type, _, _, _): type.rawValue
        }
    }

    /// The object it is fired at.
    public var target: XHREventTargetKind {
        switch self {
        case .readyStateChange: .xhr
        case .progress(_, let target, _, _): target
        }
    }
}
