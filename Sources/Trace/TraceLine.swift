import XHR

/// One line of a trace (DESIGN.md "Trace format", JSON Lines version 1).
public enum TraceLine: Sendable, Hashable {
    /// The first line: who made the trace.
    case header(TraceHeader)
    /// What one XHR asked for, when it was sent.
    case request(xhr: Int, TraceRequest)
    /// One dispatched event.
    case event(TraceEvent)
    /// How one XHR ended.
    case result(xhr: Int, TraceResult)

    /// The line's JSON text, keys in the format's order, without a newline.
    public var json: String {
        var line = JSONLineWriter()
        switch self {
        case .header(let header):
            line.add("trace", "xhrtape")
            line.add("version", header.version)
            line.add("profile", header.profile)
            line.add("source", header.source.rawValue)
        case .request(let xhr, let request):
            line.add("xhr", xhr)
            var object = JSONLineWriter()
            object.add("method", request.method)
            object.add("url", request.url)
            object.add("async", request.async)
            object.add("timeout", request.timeoutMillis)
            object.add("responseType", request.responseType)
            object.add("uploadListeners", request.uploadListeners)
            if let mime = request.overrideMimeType { object.add("overrideMimeType", mime) }
            if let abort = request.abort {
                var moment = JSONLineWriter()
                switch abort {
                case .afterMicros(let micros): moment.add("afterMicros", micros)
                case .on(let listener): moment.add("on", listener.rawValue)
                }
                object.add("abort", object: moment)
            }
            line.add("request", object: object)
        case .event(let event):
            line.add("xhr", event.xhr)
            line.add("t", event.offsetMicros)
            line.add("target", event.target.rawValue)
            line.add("type", event.type)
            line.add("readyState", event.readyState.rawValue)
            if let status = event.status { line.add("status", status) }
            if let progress = event.progress {
                line.add("loaded", progress.loaded)
                line.add("total", progress.total)
                line.add("lengthComputable", progress.lengthComputable)
            }
        case .result(let xhr, let result):
            line.add("xhr", xhr)
            var object = JSONLineWriter()
            object.add("status", result.status)
            object.add("statusText", result.statusText)
            object.add("responseURL", result.responseURL)
            object.add("bodyBytes", result.bodyBytes)
            object.add("bodySHA256", result.bodySHA256)
            line.add("result", object: object)
        }
        return line.finished
    }
}
