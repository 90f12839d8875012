public import TapeCore
public import XHR

/// Runs ``XHRPlan``s one after another on a scheduler and returns their trace.
///
/// Each XHR is opened, configured and sent as the plan says, then the scheduler is
/// driven until its `loadend` (or, for a synchronous request, until `send()` returns).
/// The page's `abort()` is reproduced at the plan's moment: inside the `loadstart`,
/// readyState-2 or first-progress listener, or on a timer after send(). With
/// ``XHRPlan/settings`` `uploadListeners` set, a listener for each upload event is
/// registered before send(), so the upload events fire as they did for the page.
///
/// On a ``VirtualScheduler`` the result is deterministic: the same plans and transport
/// give a byte-identical trace every run.
public struct XHRPlanRunner: Sendable {
    /// Whose behaviour the XHRs reproduce.
    public var profile: XHRProfile
    /// The trace header's `source`.
    public var source: TraceHeader.Source
    /// What relative URLs resolve against.
    public var baseURL: String?

    /// A runner for `profile`, writing traces marked `source`.
    public init(profile: XHRProfile = .spec, source: TraceHeader.Source = .replay, baseURL: String? = nil) {
        self.profile = profile
        self.source = source
        self.baseURL = baseURL
    }

    private static let uploadEventTypes = ["loadstart", "progress", "abort", "error", "timeout", "load", "loadend"]

    /// Runs `plans` in order over `transport`, each after the previous one ended.
    ///
    /// - Parameter onFinished: called after each XHR ended, with its index and the
    ///   object (to read its response), before the next one starts.
    /// - Throws: ``XHRPlanError`` when the XHR refuses a plan (a forbidden method, an
    ///   invalid URL or header); the XHRs before it ran.
    public func run(
        _ plans: [XHRPlan], transport: any Transport, scheduler: any Scheduler,
        onFinished: (Int, XMLHttpRequest) -> Void = { _, _ in }
    ) throws(XHRPlanError) -> TraceDocument {
        let recorder = TraceRecorder(profile: profile, source: source)
        for (index, plan) in plans.enumerated() {
            let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler, profile: profile, baseURL: baseURL)
            recorder.track(xhr)
            try start(plan, index: index, on: xhr, scheduler: scheduler)
            onFinished(index, xhr)
        }
        // The recorder always starts with its header line.
        var document = try! TraceDocument(recorded: recorder.lines)
        // The abort moment is the page's doing, not the XHR's state: the request line
        // carries it from the plan (DESIGN.md "Trace format").
        for index in document.lines.indices {
            if case .request(let xhr, var request) = document.lines[index], xhr < plans.count {
                request.abort = plans[xhr].settings.abort
                document.lines[index] = .request(xhr: xhr, request)
            }
        }
        return document
    }

    private func start(_ plan: XHRPlan, index: Int, on xhr: XMLHttpRequest, scheduler: any Scheduler) throws(XHRPlanError) {
        let settings = plan.settings
        var ended = false
        xhr.addEventListener("loadend") { _ in ended = true }
        var abortTimer: ScheduledTaskID?
        do throws(DOMException) {
            try xhr.open(settings.method, settings.url, async: settings.async)
            for header in plan.headers { try xhr.setRequestHeader(header.name, header.value) }
            if settings.timeoutMillis > 0 { xhr.timeout = settings.timeoutMillis }
            if !settings.responseType.isEmpty {
                guard let type = XMLHttpRequest.ResponseType(rawValue: settings.responseType) else {
                    throw DOMException(.syntaxError, "responseType \"\(settings.responseType)\" is not one of the standard's values")
                }
                try xhr.setResponseType(type)
            }
            if let mime = settings.overrideMimeType { try xhr.overrideMimeType(mime) }
            if settings.uploadListeners {
                for type in Self.uploadEventTypes { xhr.upload.addEventListener(type) { _ in } }
            }
            if case .on(let moment) = settings.abort { abortInside(moment, xhr) }
            if case .afterMicros(let micros) = settings.abort, settings.async {
                abortTimer = scheduler.schedule(afterMicros: micros) { xhr.abort() }
            }
        } catch {
            throw XHRPlanError(index: index, settings: settings, exception: error)
        }
        do {
            try xhr.send(plan.body)
        } catch {
            // A synchronous request reports network errors, timeouts and aborts by
            // throwing (send() step 12); its events are already in the trace.
            guard !settings.async, xhr.readyState == .done || xhr.readyState == .unsent else {
                throw XHRPlanError(index: index, settings: settings, exception: error)
            }
        }
        if settings.async {
            _ = scheduler.drive { ended }
        }
        // abort() after the request ended fires no events (abort() step 2 only resets the state).
        if let abortTimer { scheduler.cancel(abortTimer) }
    }

    private func abortInside(_ moment: TraceAbort.Moment, _ xhr: XMLHttpRequest) {
        var done = false
        switch moment {
        case .loadstart:
            xhr.addEventListener("loadstart") { _ in
                guard !done else { return }
                done = true
                xhr.abort()
            }
        case .readystate2:
            xhr.addEventListener("readystatechange") { _ in
                guard !done, xhr.readyState == .headersReceived else { return }
                done = true
                xhr.abort()
            }
        case .firstprogress:
            xhr.addEventListener("progress") { _ in
                guard !done else { return }
                done = true
                xhr.abort()
            }
        }
    }
}
