public import XHR

/// What a page did with one XMLHttpRequest: the settings of a trace's request line,
/// plus the request headers and body to send. ``XHRPlanRunner`` carries plans out.
public struct XHRPlan: Sendable {
    /// Method, URL, async, timeout, responseType, upload listeners, overrideMimeType and
    /// the abort moment, exactly as a trace's request line holds them.
    public var settings: TraceRequest
    /// Headers set with `setRequestHeader`, in order.
    public var headers: [(name: String, value: String)]
    /// The body given to `send()`.
    public var body: XHRRequestBody?

    /// A plan from explicit settings.
    public init(settings: TraceRequest, headers: [(name: String, value: String)] = [], body: XHRRequestBody? = nil) {
        self.settings = settings
        self.headers = headers
        self.body = body
    }

    /// A plain asynchronous request with no timeout, the default response type and no
    /// upload listeners.
    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: XHRRequestBody? = nil) {
        self.init(
            settings: TraceRequest(method: method, url: url, async: true, timeoutMillis: 0, responseType: "", uploadListeners: false),
            headers: headers, body: body)
    }
}
