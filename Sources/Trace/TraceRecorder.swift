import TapeCore
public import XHR

/// Listens to one or many ``XMLHttpRequest``s and builds their trace.
///
/// Call ``track(_:)`` before `open()`. Lines come out in dispatch order; an xhr's
/// events before `send()` (the `readystatechange` from `open()`) are held back until
/// its request line, so each xhr's request line precedes its events. The output is
/// byte-identical for the same events: integers only, fixed key order, ids in the
/// order xhrs were tracked.
public final class TraceRecorder {
    /// Every line so far, header first.
    public private(set) var lines: [TraceLine]

    private final class Tracked {
        let id: Int
        /// Weak, so a finished xhr can go; a new object at the same address is then a new xhr.
        weak var xhr: XMLHttpRequest?
        var sent = false
        var held: [TraceEvent] = []
        init(id: Int, xhr: XMLHttpRequest) {
            self.id = id
            self.xhr = xhr
        }
    }

    private var tracked: [ObjectIdentifier: Tracked] = [:]
    private var nextID = 0
    private var bridge: Bridge?

    /// Starts a trace with its header line.
    public init(profile: XHRProfile, source: TraceHeader.Source) {
        lines = [.header(TraceHeader(profile: profile.rawValue, source: source))]
        bridge = Bridge(recorder: self)
    }

    /// Starts recording `xhr`'s events and returns its id in the trace.
    @discardableResult
    public func track(_ xhr: XMLHttpRequest) -> Int {
        if let existing = entry(for: xhr) { return existing.id }
        let entry = Tracked(id: nextID, xhr: xhr)
        nextID += 1
        tracked[ObjectIdentifier(xhr)] = entry
        if let bridge { xhr.observers.append(bridge) }
        return entry.id
    }

    /// The trace as JSON Lines: one line each, each ending in a newline.
    public var jsonLines: String {
        lines.map { $0.json + "\n" }.joined()
    }

    private func entry(for xhr: XMLHttpRequest) -> Tracked? {
        guard let entry = tracked[ObjectIdentifier(xhr)], entry.xhr === xhr else { return nil }
        return entry
    }

    fileprivate func xhrWillSend(_ xhr: XMLHttpRequest) {
        guard let entry = entry(for: xhr) else { return }
        let request = TraceRequest(
            method: xhr.requestMethod, url: xhr.requestURL, async: !xhr.synchronousFlag,
            timeoutMillis: xhr.timeout, responseType: xhr.responseType.rawValue,
            uploadListeners: xhr.upload.hasListeners, overrideMimeType: xhr.overrideMIMEType?.serialized)
        lines.append(.request(xhr: entry.id, request))
        lines += entry.held.map(TraceLine.event)
        entry.held = []
        entry.sent = true
    }

    fileprivate func xhr(_ xhr: XMLHttpRequest, willDispatch event: Event) {
        guard let entry = entry(for: xhr) else { return }
        let offset = entry.sent ? xhr.scheduler.nowMicros - (xhr.sendTimeMicros ?? 0) : 0
        let progress = (event as? ProgressEvent).map {
            TraceEvent.Progress(loaded: $0.loaded, total: $0.total, lengthComputable: $0.lengthComputable)
        }
        let isStateChange = event.type == "readystatechange"
        let line = TraceEvent(
            xhr: entry.id, offsetMicros: offset, target: event.targetKind, type: event.type,
            readyState: xhr.readyState,
            status: isStateChange && xhr.readyState.rawValue >= ReadyState.headersReceived.rawValue ? xhr.status : nil,
            progress: progress)
        guard entry.sent else {
            entry.held.append(line)
            return
        }
        lines.append(.event(line))
        if event.targetKind == .xhr, event.type == "loadend" {
            let body = xhr.bodyAsThePageReadsIt
            lines.append(.result(xhr: entry.id, TraceResult(
                status: xhr.status, statusText: xhr.statusText, responseURL: xhr.responseURL,
                bodyBytes: body.count, bodySHA256: SHA256Digest.hex(body))))
        }
    }

    /// Forwards observer calls without the xhr keeping the recorder's lines alive twice.
    private final class Bridge: XMLHttpRequestObserver {
        weak var recorder: TraceRecorder?
        init(recorder: TraceRecorder) { self.recorder = recorder }
        func xhrWillSend(_ xhr: XMLHttpRequest) { recorder?.xhrWillSend(xhr) }
        func xhr(_ xhr: XMLHttpRequest, willDispatch event: Event) { recorder?.xhr(xhr, willDispatch: event) }
    }
}

@available(*, unavailable, message: "A TraceRecorder belongs to its xhrs' scheduler context")
extension TraceRecorder: Sendable {}
