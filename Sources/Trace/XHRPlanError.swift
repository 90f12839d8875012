public import XHR

/// A plan that the XMLHttpRequest refused: `open()`, `setRequestHeader()`, the
/// response type or `send()` threw, so no request was made.
public struct XHRPlanError: Error, CustomStringConvertible {
    /// The plan's position (its xhr id in the trace).
    public var index: Int
    /// The plan that failed.
    public var settings: TraceRequest
    /// What the XHR threw.
    public var exception: DOMException

    public var description: String {
        "xhr \(index) (\(settings.method) \(settings.url)) was refused by the XMLHttpRequest: \(exception); fix the request line or the plan"
    }
}
