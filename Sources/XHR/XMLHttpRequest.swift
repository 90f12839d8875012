import Foundation
public import TapeCore

/// A Swift `XMLHttpRequest` that follows the WHATWG XMLHttpRequest standard step by
/// step, over any ``Transport`` and on any ``Scheduler``.
///
/// On a ``VirtualScheduler`` with a replayed timeline, every event fires at the same
/// virtual time on every run: timeouts, progress throttling and aborts land at the
/// same byte. Everything runs on the scheduler's context; listeners are called
/// synchronously and may call `abort()`, `open()` or `send()` (the state machine
/// checks the standard's guards when they return).
///
/// ```swift
/// let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler)
/// xhr.onload = { _ in print(xhr.status, xhr.responseText) }
/// try xhr.open("GET", "http://127.0.0.1:8080/trickle")
/// try xhr.send()
/// scheduler.runUntilIdle()
/// ```
public final class XMLHttpRequest: XHREventTarget {
    /// The values of ``responseType``.
    public enum ResponseType: String, Sendable, CaseIterable {
        case empty = "", text, arraybuffer, blob, json, document
    }

    /// The object upload events fire at.
    public let upload = XMLHttpRequestUpload()
    /// Whose behaviour this object reproduces.
    public let profile: XHRProfile
    /// Relative URLs given to ``open(_:_:async:username:password:)`` resolve against this.
    public let baseURL: String?

    let transport: any Transport
    package let scheduler: any Scheduler
    var machine: XHRStateMachine
    private var fetch: FetchController?
    private var timers: [XHRStateMachine.TimerID: ScheduledTaskID] = [:]
    private var pendingException: DOMException.Name?
    private var pendingFailureReason: String?

    // Request state (open() step 11 resets these).
    package var requestMethod = "GET"
    package var requestURL = ""
    package var requestHeaders = RequestHeaderList()
    /// FormData boundaries, seeded so that a replay sends the same bytes every run.
    var boundaries = MultipartBoundaryGenerator()
    package var synchronousFlag = false
    package var overrideMIMEType: MIMEType?
    private var timeoutMillis: Int64 = 0
    private var credentials = false
    private var type = ResponseType.empty

    // Response state.
    var fetchedResponse: FetchResponse?
    var receivedBytes: [UInt8] = []
    /// Why the last exchange ended in a network error, if it did (for messages and traces).
    public private(set) var networkErrorReason: String?

    /// Told of send() and of every event before its listeners (the trace recorder).
    package var observers: [any XMLHttpRequestObserver] = []
    /// When send() last started a request, on the scheduler's clock.
    package private(set) var sendTimeMicros: Int64?

    /// Creates an object in the `unsent` state.
    ///
    /// - Parameters:
    ///   - transport: carries the requests (a cassette replay, libcurl, a scripted timeline).
    ///   - scheduler: the clock and the context events run on.
    ///   - profile: whose behaviour to reproduce.
    ///   - baseURL: what relative URLs resolve against (a page's URL); nil accepts absolute URLs only.
    public init(transport: any Transport, scheduler: any Scheduler, profile: XHRProfile = .spec, baseURL: String? = nil) {
        self.transport = transport
        self.scheduler = scheduler
        self.profile = profile
        self.baseURL = baseURL
        self.machine = XHRStateMachine(profile: profile)
        super.init()
    }

    // MARK: State

    /// The current state.
    public var readyState: ReadyState { machine.readyState }

    /// Milliseconds after send() at which the request times out; 0 for never. Changing
    /// it during a request is measured from when the request started.
    public var timeout: Int64 {
        get { timeoutMillis }
        set {
            timeoutMillis = max(0, newValue)
            run(.timeoutChanged(millis: timeoutMillis))
        }
    }

    /// Credentials mode; stored and reported, as there are no cookies or CORS here.
    public var withCredentials: Bool { credentials }

    /// Sets ``withCredentials``.
    /// - Throws: `InvalidStateError` unless unsent or opened and not sending.
    public func setWithCredentials(_ value: Bool) throws(DOMException) {
        guard readyState == .unsent || readyState == .opened, !machine.sendFlag else {
            throw DOMException(.invalidStateError, "withCredentials can only change before send().")
        }
        credentials = value
    }

    /// The type ``response`` returns.
    public var responseType: ResponseType { type }

    /// Sets ``responseType``.
    /// - Throws: `InvalidStateError` once loading or done. (The Window-only rule against
    ///   synchronous requests does not apply: this host is not a Window.)
    public func setResponseType(_ value: ResponseType) throws(DOMException) {
        guard readyState != .loading, readyState != .done else {
            throw DOMException(.invalidStateError, "responseType cannot change while \(readyState).")
        }
        type = value
    }

    // MARK: Author calls

    /// Cancels the request (abort() steps); fires abort events if one was under way.
    public func abort() {
        run(.abort)
    }

    /// Starts the request with an already-extracted body (the public `send` overloads
    /// extract it first): send() steps 5–12.
    func send(extractedBody body: [UInt8]?) throws(DOMException) {
        pendingException = nil
        networkErrorReason = nil
        let request = FetchRequest(method: requestMethod, url: requestURL, headers: requestHeaders.pairs, body: body)
        pendingRequest = request
        sendTimeMicros = scheduler.nowMicros
        for observer in observers { observer.xhrWillSend(self) }
        run(.send(.init(synchronous: synchronousFlag, hasBody: body != nil, uploadListener: upload.hasListeners,
                        bodyLength: Int64(body?.count ?? 0), timeoutMillis: timeoutMillis, now: scheduler.nowMicros)))
        guard synchronousFlag else { return }
        // send() step 12: run the scheduler until the fetch is done, then report.
        _ = scheduler.drive { !machine.fetching }
        if machine.fetching {
            run(.networkError)  // the scheduler ran dry: nothing will ever answer
        }
        if let name = pendingException {
            pendingException = nil
            throw DOMException(name, networkErrorReason ?? "The synchronous request failed (\(name)).")
        }
    }

    private var pendingRequest: FetchRequest?

    // MARK: Driver

    /// Feeds `input` to the machine and performs its actions in order, re-entering for
    /// `.resume` after listeners ran (STYLE.md §2).
    func run(_ input: XHRStateMachine.Input) {
        for action in machine.handle(input) {
            perform(action)
        }
    }

    private func perform(_ action: XHRStateMachine.Action) {
        switch action {
        case .startFetch:
            guard let request = pendingRequest else { return }
            let controller = FetchController(request: request, profile: profile, transport: transport, scheduler: scheduler, delegate: self)
            fetch = controller
            controller.start()
        case .terminateFetch:
            fetch?.cancel()
            fetch = nil
        case .setTimer(let id, let deadline):
            if let old = timers[id] { scheduler.cancel(old) }
            timers[id] = scheduler.schedule(atMicros: deadline) { [weak self] in
                guard let self else { return }
                self.timers[id] = nil
                self.run(.timerFired(id))
            }
        case .cancelTimer(let id):
            if let task = timers.removeValue(forKey: id) { scheduler.cancel(task) }
        case .fire(let event):
            dispatch(event)
        case .resume(let step):
            run(.resumed(step))
        case .discardResponse:
            fetchedResponse = nil
            receivedBytes = []
        case .throwException(let name):
            pendingException = name
        }
    }

    private func dispatch(_ event: XHREvent) {
        let target: XHREventTarget = event.target == .xhr ? self : upload
        let object: Event
        switch event {
        case .readyStateChange:
            object = Event(type: event.type, target: target, targetKind: .xhr)
        case .progress(_, let kind, let loaded, let total):
            object = ProgressEvent(type: event.type, target: target, targetKind: kind, loaded: loaded, total: total)
        }
        for observer in observers { observer.xhr(self, willDispatch: object) }
        target.dispatch(object)
    }

    // MARK: Handlers

    public var onreadystatechange: ((Event) -> Void)? { get { handler(for: "readystatechange") } set { setHandler(newValue, for: "readystatechange") } }
}

extension XMLHttpRequest: FetchControllerDelegate {
    func fetchController(_ controller: FetchController, didSendRequestBodyBytes count: Int64) {
        guard controller === fetch else { return }
        run(.requestBodySent(byteCount: count, now: scheduler.nowMicros))
    }

    func fetchControllerDidEndRequest(_ controller: FetchController) {
        guard controller === fetch else { return }
        run(.requestEnd)
    }

    func fetchController(_ controller: FetchController, didReceive response: FetchResponse) {
        guard controller === fetch else { return }
        fetchedResponse = response  // processResponse: "set this's response to response"
        run(.responseHead(bodyIsNull: response.bodyIsNull, length: response.length))
    }

    func fetchController(_ controller: FetchController, didReceiveBody bytes: [UInt8]) {
        guard controller === fetch else { return }
        receivedBytes += bytes
        run(.responseChunk(byteCount: Int64(bytes.count), now: scheduler.nowMicros))
    }

    func fetchControllerDidEndBody(_ controller: FetchController) {
        guard controller === fetch else { return }
        fetch = nil
        run(.responseEnd)
    }

    func fetchController(_ controller: FetchController, didFailWith reason: String) {
        guard controller === fetch else { return }
        fetch = nil
        networkErrorReason = reason
        run(.networkError)
    }
}
