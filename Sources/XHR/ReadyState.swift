/// The `readyState` of an ``XMLHttpRequest`` (XHR standard, "states").
public enum ReadyState: Int, Sendable, Hashable, CustomStringConvertible {
    /// The object has been constructed (or `abort()` was called after it was done).
    case unsent = 0
    /// `open()` has been called; `setRequestHeader()` and `send()` may be called.
    case opened = 1
    /// The final response's head arrived (all redirects followed).
    case headersReceived = 2
    /// The response body is being received.
    case loading = 3
    /// The exchange finished, successfully or not.
    case done = 4

    public var description: String {
        switch self {
        case .unsent: "UNSENT"
        case .opened: "OPENED"
        case .headersReceived: "HEADERS_RECEIVED"
        case .loading: "LOADING"
        case .done: "DONE"
        }
    }
}
