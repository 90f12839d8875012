/// The request line's settings: what the page asked for.
public struct TraceRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    public var async: Bool
    public var timeoutMillis: Int64
    public var responseType: String
    /// Whether listeners were registered on the upload object at send().
    public var uploadListeners: Bool
    public var overrideMimeType: String?
    /// When the page called `abort()`, if it did.
    public var abort: TraceAbort?

    public init(method: String, url: String, async: Bool, timeoutMillis: Int64, responseType: String, uploadListeners: Bool, overrideMimeType: String? = nil, abort: TraceAbort? = nil) {
        self.method = method
        self.url = url
        self.async = async
        self.timeoutMillis = timeoutMillis
        self.responseType = responseType
        self.uploadListeners = uploadListeners
        self.overrideMimeType = overrideMimeType
        self.abort = abort
    }
}
