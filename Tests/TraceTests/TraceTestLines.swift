import Trace
import XHR

/// Trace lines for diff tests: a GET with a head at 20 ms and progress every 50 ms.
enum TraceTestLines {
    static func header(profile: String = "spec", source: TraceHeader.Source = .replay) -> TraceLine {
        .header(TraceHeader(profile: profile, source: source))
    }

    static func request(xhr: Int = 0, url: String = "http://h.test/data", timeout: Int64 = 0) -> TraceLine {
        .request(xhr: xhr, TraceRequest(method: "GET", url: url, async: true, timeoutMillis: timeout, responseType: "", uploadListeners: false))
    }

    static func event(_ type: String, _ t: Int64, readyState: ReadyState, status: Int? = nil, loaded: Int64? = nil, xhr: Int = 0) -> TraceLine {
        .event(TraceEvent(
            xhr: xhr, offsetMicros: t, target: .xhr, type: type, readyState: readyState, status: status,
            progress: loaded.map { TraceEvent.Progress(loaded: $0, total: 300, lengthComputable: true) }))
    }

    static func result(xhr: Int = 0, status: Int = 200, bytes: Int = 300) -> TraceLine {
        .result(xhr: xhr, TraceResult(status: status, statusText: "OK", responseURL: "http://h.test/data", bodyBytes: bytes, bodySHA256: "ab"))
    }

    /// One complete XHR: open, loadstart, head, three progress events, done.
    static func xhr(_ index: Int = 0, status: Int = 200, progress: [(t: Int64, loaded: Int64)] = [(70_000, 100), (120_000, 200), (170_000, 300)]) -> [TraceLine] {
        var lines = [
            request(xhr: index),
            event("readystatechange", 0, readyState: .opened, xhr: index),
            event("loadstart", 10, readyState: .opened, loaded: 0, xhr: index),
            event("readystatechange", 20_000, readyState: .headersReceived, status: status, xhr: index),
        ]
        for step in progress {
            lines.append(event("readystatechange", step.t, readyState: .loading, status: status, xhr: index))
            lines.append(event("progress", step.t, readyState: .loading, loaded: step.loaded, xhr: index))
        }
        let end = progress.last?.t ?? 20_000
        lines += [
            event("readystatechange", end, readyState: .done, status: status, xhr: index),
            event("load", end, readyState: .done, loaded: 300, xhr: index),
            event("loadend", end, readyState: .done, loaded: 300, xhr: index),
            result(xhr: index, status: status),
        ]
        return lines
    }
}
