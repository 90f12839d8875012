@testable import XHR
import TapeCore
import TapeTesting

/// One XHR on a virtual scheduler with a scripted transport, and the events it fired
/// as compact strings: `rsc1`, `loadstart(0/0)`, `upload.progress(3/10)` …
final class XHRHarness {
    let scheduler = VirtualScheduler()
    let transport: ScriptedTransport
    let xhr: XMLHttpRequest
    private(set) var log: [String] = []
    /// Scheduler time (µs) of each logged event.
    private(set) var times: [Int64] = []

    init(_ timelines: [String: [Timeline.Entry]], timing: TimingMode = .original, baseURL: String? = nil,
         profile: XHRProfile = .spec, responder: ((ExchangeRequest) -> [Timeline.Entry]?)? = nil) {
        transport = ScriptedTransport(scheduler: scheduler, timing: timing, timelines, responder: responder)
        xhr = XMLHttpRequest(transport: transport, scheduler: scheduler, profile: profile, baseURL: baseURL)
        for type in ["readystatechange", "loadstart", "progress", "abort", "error", "load", "timeout", "loadend"] {
            xhr.addEventListener(type) { [unowned self] event in record(event) }
        }
    }

    /// Also logs upload events (registering them sets the upload listener flag at send()).
    func listenToUpload() {
        for type in ["loadstart", "progress", "abort", "error", "load", "timeout", "loadend"] {
            xhr.upload.addEventListener(type) { [unowned self] event in record(event) }
        }
    }

    func record(_ event: Event) {
        times.append(scheduler.nowMicros)
        if event.type == "readystatechange" {
            log.append("rsc\(xhr.readyState.rawValue)")
        } else if let progress = event as? ProgressEvent {
            let prefix = progress.targetKind == .upload ? "upload." : ""
            log.append("\(prefix)\(event.type)(\(progress.loaded)/\(progress.total))")
        }
    }
}
