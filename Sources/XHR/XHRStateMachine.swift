/// The XMLHttpRequest standard's event-order algorithms as a sans-IO state machine.
///
/// Inputs are author calls (already validated by ``XMLHttpRequest``), fetch events and
/// timers; outputs are ``Action``s for the driver to perform in order. Time arrives as
/// a `now` value; the machine never reads a clock.
///
/// Re-entrancy: listeners run synchronously while the driver performs a `.fire` and
/// may call `abort()`, `open()` or `send()`. A batch of actions therefore holds several
/// `.fire`s only where the standard has no state change and no guard between them;
/// elsewhere it ends with `.resume(step)`, and the guard is checked when the driver
/// feeds `.resumed(step)` back.
///
/// Progress throttling (`spec` profile): the standard says to skip a progress event
/// "if not roughly 50ms have passed since these steps were last invoked". We read
/// "last invoked" as *last dispatched* (a literal reading would never fire for a stream
/// with gaps under 50 ms): the first chunk always fires, later ones fire when at least
/// 50 000 µs of scheduler time passed since the previous dispatch, skipped ones are
/// covered by the next dispatch or the end-of-body progress. The same rule applies to
/// upload progress.
///
/// The `chromium` profile (``XHRProfile/chromium``) changes the response side where
/// the golden traces in `recordings/chromium/` show Chromium 156 deviating; each
/// branch names the trace (`recordings/chromium/<scenario>.jsonl`) that shows it.
package struct XHRStateMachine: Sendable {
    /// Timers the machine asks for.
    package enum TimerID: Hashable, Sendable {
        /// `xhr.timeout`, measured from the start of the fetch.
        case timeout
        /// `chromium`: the one-shot 50 ms progress throttle timer.
        case progress
        /// `chromium`: the network service's 100 ms upload progress poll.
        case uploadProgress
    }

    /// Where an algorithm continues after listeners ran.
    package enum Step: Hashable, Sendable {
        /// send() 11.5: the xhr's loadstart was dispatched.
        case afterLoadstart
        /// send() 11.6: the upload's loadstart was dispatched (or skipped).
        case afterUploadLoadstart
        /// processResponse: readystatechange(2) was dispatched.
        case afterHeadersReceived(bodyIsNull: Bool)
        /// handle response end-of-body: the final progress event was dispatched.
        case finishEndOfBody(transmitted: Int64, length: Int64)
        /// abort() step 3, after the request error steps' events.
        case afterAbortErrorSteps
        /// request error steps 6–8, after readystatechange(4) was dispatched.
        case afterErrorReadyStateChange(ProgressEventType)
        /// `chromium`: readystatechange(2), fired late with the first body bytes, was dispatched.
        case afterLateHeadersReceived
        /// `chromium`: readystatechange(2), fired late at the end of an empty body, was dispatched.
        case afterLateHeadersReceivedAtEnd
        /// `chromium`: the readystatechange(3) before a progress event was dispatched.
        case afterProgressReadyStateChange
        /// `chromium`: the state is done and a held-back progress (if any) was flushed.
        case afterFlushedProgress(transmitted: Int64, length: Int64)
    }

    /// What send() was called with.
    package struct SendSettings: Hashable, Sendable {
        package var synchronous: Bool
        package var hasBody: Bool
        /// send() step 5: listeners were registered on the upload object at this moment.
        package var uploadListener: Bool
        package var bodyLength: Int64
        package var timeoutMillis: Int64
        package var now: Int64

        package init(synchronous: Bool = false, hasBody: Bool = false, uploadListener: Bool = false, bodyLength: Int64 = 0, timeoutMillis: Int64 = 0, now: Int64) {
            self.synchronous = synchronous
            self.hasBody = hasBody
            self.uploadListener = uploadListener
            self.bodyLength = bodyLength
            self.timeoutMillis = timeoutMillis
            self.now = now
        }
    }

    package enum Input: Hashable, Sendable {
        case open(synchronous: Bool)
        case send(SendSettings)
        case abort
        case timeoutChanged(millis: Int64)
        case requestBodySent(byteCount: Int64, now: Int64)
        case requestEnd
        /// The final response head (redirects already followed); `length` is the
        /// extracted Content-Length or 0.
        case responseHead(bodyIsNull: Bool, length: Int64)
        case responseChunk(byteCount: Int64, now: Int64)
        case responseEnd
        case networkError
        case timerFired(TimerID)
        case resumed(Step)
    }

    package enum Action: Hashable, Sendable {
        case startFetch
        case terminateFetch
        case setTimer(TimerID, atMicros: Int64)
        case cancelTimer(TimerID)
        case fire(XHREvent)
        /// Listeners just ran and may have re-entered; feed `.resumed(step)` back next.
        case resume(Step)
        /// "Set this's response to a network error": the driver drops the response.
        case discardResponse
        /// Synchronous request error steps: the driver throws this from send().
        case throwException(DOMException.Name)
    }

    /// The minimum gap between two dispatched progress events, in microseconds.
    package static let progressIntervalMicros: Int64 = 50_000
    /// `chromium`: how often the network service reports upload progress, in microseconds.
    package static let uploadPollMicros: Int64 = 100_000

    /// Whose behaviour the machine reproduces.
    package let profile: XHRProfile
    package private(set) var readyState: ReadyState = .unsent
    package private(set) var sendFlag = false
    package private(set) var synchronous = false
    package private(set) var uploadComplete = false
    package private(set) var uploadListener = false
    package private(set) var timedOut = false
    /// True from the start of the fetch until its end, error, timeout or termination.
    package private(set) var fetching = false
    package private(set) var receivedBytes: Int64 = 0
    package private(set) var responseLength: Int64 = 0
    package private(set) var uploadTransmitted: Int64 = 0
    package private(set) var uploadLength: Int64 = 0
    private var timeoutMillis: Int64 = 0
    private var fetchStart: Int64 = 0
    private var lastProgressDispatch: Int64?
    private var lastUploadProgressDispatch: Int64?
    /// `chromium`: the response head arrived but readystatechange(2) waits for body bytes.
    private var headArrived = false
    /// `chromium`: when the progress throttle timer fires, if it is running.
    private var progressTimerDeadline: Int64?
    /// `chromium`: a progress event was held back by the throttle timer.
    private var progressDeferred = false
    /// `chromium`: when the body chunk that entered HEADERS_RECEIVED late arrived.
    private var lateHeadersNow: Int64 = 0
    /// `chromium`: when the upload progress poll fires next, while the body goes out.
    private var uploadPollDeadline: Int64?
    /// `chromium`: the upload position the page last heard of, and whether the request ended.
    private var uploadReported: Int64 = 0
    private var requestEnded = false

    package init(profile: XHRProfile = .spec) {
        self.profile = profile
    }

    package mutating func handle(_ input: Input) -> [Action] {
        switch input {
        case .open(let synchronous):
            return open(synchronous: synchronous)
        case .send(let settings):
            return send(settings)
        case .abort:
            return abort()
        case .timeoutChanged(let millis):
            timeoutMillis = millis
            guard fetching else { return [] }
            // The timeout is measured from the start of the fetch, whenever it is set (xhr.bs timeout setter).
            return [.cancelTimer(.timeout)] + (millis > 0 ? [.setTimer(.timeout, atMicros: fetchStart + millis * 1_000)] : [])
        case .requestBodySent(let count, let now):
            return processRequestBodyChunkLength(count, now: now)
        case .requestEnd:
            return processRequestEndOfBody()
        case .responseHead(let bodyIsNull, let length):
            return processResponse(bodyIsNull: bodyIsNull, length: length)
        case .responseChunk(let count, let now):
            return processBodyChunk(count, now: now)
        case .responseEnd:
            guard sendFlag, fetching else { return [] }
            fetching = false
            return [.cancelTimer(.timeout)] + handleResponseEndOfBody()
        case .networkError:
            guard fetching else { return [] }
            fetching = false
            return [.cancelTimer(.timeout)] + handleErrors(networkError: true)
        case .timerFired(.progress):
            return progressTimerFired()
        case .timerFired(.uploadProgress):
            return uploadPollFired()
        case .timerFired(.timeout):
            // send() 11.12: "if req's done flag is unset, set timed out and terminate".
            guard sendFlag, fetching else { return [] }
            timedOut = true
            fetching = false
            return [.terminateFetch] + handleErrors(networkError: true)
        case .resumed(let step):
            return resume(step)
        }
    }

    // MARK: Author calls

    /// open() steps 10–12 (validation happened in the facade).
    private mutating func open(synchronous: Bool) -> [Action] {
        // Step 10: terminate the ongoing fetch, silently.
        var actions = terminate()
        // Step 11: reset; the override MIME type is not reset (the facade keeps it).
        self.synchronous = synchronous
        sendFlag = false
        uploadListener = false
        receivedBytes = 0
        responseLength = 0
        actions.append(.discardResponse)
        // Step 12: only a state change fires.
        if readyState != .opened {
            readyState = .opened
            actions.append(.fire(.readyStateChange))
        }
        return actions
    }

    /// send() steps 5–12 (steps 1–4 happened in the facade).
    private mutating func send(_ settings: SendSettings) -> [Action] {
        precondition(readyState == .opened && !sendFlag, "send() in \(readyState) with send() flag \(sendFlag)")
        uploadListener = settings.uploadListener                  // step 5
        uploadComplete = !settings.hasBody                         // steps 7 and 9
        timedOut = false                                           // step 8
        sendFlag = true                                            // step 10
        synchronous = settings.synchronous
        receivedBytes = 0
        responseLength = 0
        uploadTransmitted = 0
        uploadLength = settings.hasBody ? settings.bodyLength : 0
        timeoutMillis = settings.timeoutMillis
        fetchStart = settings.now
        lastProgressDispatch = nil
        lastUploadProgressDispatch = nil
        headArrived = false
        progressTimerDeadline = nil
        progressDeferred = false
        uploadPollDeadline = nil
        uploadReported = 0
        requestEnded = false
        if synchronous {
            return startFetch()                                    // step 12: no loadstart, no progress
        }
        return [.fire(.progress(.loadstart, target: .xhr, loaded: 0, total: 0)), .resume(.afterLoadstart)]  // 11.1
    }

    /// abort() steps 1–3.
    private mutating func abort() -> [Action] {
        let actions = terminate()
        if (readyState == .opened && sendFlag) || readyState == .headersReceived || readyState == .loading {
            return actions + requestErrorSteps(.abort, exception: .abortError) + [.resume(.afterAbortErrorSteps)]
        }
        if readyState == .done {
            readyState = .unsent  // step 3: no readystatechange
            return actions + [.discardResponse]
        }
        return actions
    }

    private mutating func resume(_ step: Step) -> [Action] {
        switch step {
        case .afterLoadstart:
            // 11.5: fire loadstart at the upload object (an abort or open() in the
            // loadstart listener set upload complete or cleared upload listener).
            if !uploadComplete, uploadListener {
                return [.fire(.progress(.loadstart, target: .upload, loaded: uploadTransmitted, total: uploadLength)),
                        .resume(.afterUploadLoadstart)]
            }
            return resume(.afterUploadLoadstart)
        case .afterUploadLoadstart:
            // 11.6: "If this's state is not opened or this's send() flag is unset, then return."
            guard readyState == .opened, sendFlag else { return [] }
            // A listener that called open() and send() again passes that guard, but its
            // send() already started the new fetch: the outer send() must not start a
            // second one (the spec text cannot tell the two send() calls apart; browsers
            // compare request generations). WPT open-during-abort-event.htm.
            guard !fetching else { return [] }
            return startFetch()
        case .afterHeadersReceived(let bodyIsNull):
            // processResponse: "If this's state is not headers received, then return."
            guard readyState == .headersReceived else { return [] }
            guard bodyIsNull else { return [] }
            fetching = false
            return [.cancelTimer(.timeout)] + handleResponseEndOfBody()
        case .finishEndOfBody(let transmitted, let length):
            // Steps 6–10 of handle response end-of-body: no guard, even after an abort()
            // or open() in the progress listener.
            readyState = .done
            sendFlag = false
            return [.fire(.readyStateChange),
                    .fire(.progress(.load, target: .xhr, loaded: transmitted, total: length)),
                    .fire(.progress(.loadend, target: .xhr, loaded: transmitted, total: length))]
        case .afterErrorReadyStateChange(let event):
            // request error steps 6–8: the readystatechange listener may have called
            // open() and send(), which sets "upload complete" anew, so it is read now.
            var actions: [Action] = []
            if !uploadComplete {
                uploadComplete = true
                if uploadListener {
                    actions += [.fire(.progress(event, target: .upload, loaded: 0, total: 0)),
                                .fire(.progress(.loadend, target: .upload, loaded: 0, total: 0))]
                }
            }
            return actions + [.fire(.progress(event, target: .xhr, loaded: 0, total: 0)),
                              .fire(.progress(.loadend, target: .xhr, loaded: 0, total: 0))]
        case .afterLateHeadersReceived:
            // Blink's DidReceiveData: "user javascript can cause abort()" in the listener.
            guard readyState == .headersReceived else { return [] }
            return dispatchProgress(now: lateHeadersNow)
        case .afterLateHeadersReceivedAtEnd:
            guard readyState == .headersReceived else { return [] }
            return chromiumEndOfBody()
        case .afterProgressReadyStateChange:
            // Blink's throttle: "if (target_->readyState() != state) return" before the progress event.
            guard readyState == .loading else { return [] }
            return [.fire(.progress(.progress, target: .xhr, loaded: receivedBytes, total: chromiumTotal))]
        case .afterFlushedProgress(let transmitted, let length):
            guard readyState == .done else { return [] }
            return [.fire(.readyStateChange),
                    .fire(.progress(.load, target: .xhr, loaded: transmitted, total: length)),
                    .fire(.progress(.loadend, target: .xhr, loaded: transmitted, total: length))]
        case .afterAbortErrorSteps:
            if readyState == .done {
                readyState = .unsent  // abort() step 3, unless a listener called open()
                return [.discardResponse]
            }
            return []
        }
    }

    // MARK: Fetch events

    private mutating func startFetch() -> [Action] {
        fetching = true
        var actions: [Action] = [.startFetch]
        if timeoutMillis > 0 {
            actions.append(.setTimer(.timeout, atMicros: fetchStart + timeoutMillis * 1_000))
        }
        if profile == .chromium, !synchronous, !uploadComplete {
            let deadline = fetchStart + Self.uploadPollMicros
            uploadPollDeadline = deadline
            actions.append(.setTimer(.uploadProgress, atMicros: deadline))
        }
        return actions
    }

    /// Stops an ongoing fetch without events ("terminate" / "abort the fetch controller").
    private mutating func terminate() -> [Action] {
        let timer = stopProgressTimer() + stopUploadPoll()
        guard fetching else { return timer }
        fetching = false
        return [.terminateFetch, .cancelTimer(.timeout)] + timer
    }

    /// send() 11.7, processRequestBodyChunkLength.
    private mutating func processRequestBodyChunkLength(_ count: Int64, now: Int64) -> [Action] {
        guard fetching, !synchronous, !uploadComplete else { return [] }
        uploadTransmitted += count
        // chromium: upload progress comes from a 100 ms poll (uploadPollFired).
        if profile == .chromium { return [] }
        if let last = lastUploadProgressDispatch, now - last < Self.progressIntervalMicros { return [] }
        guard uploadListener else { return [] }
        lastUploadProgressDispatch = now
        return [.fire(.progress(.progress, target: .upload, loaded: uploadTransmitted, total: uploadLength))]
    }

    /// send() 11.8, processRequestEndOfBody.
    private mutating func processRequestEndOfBody() -> [Action] {
        guard fetching, !uploadComplete else { return [] }
        if profile == .chromium {  // the next upload poll reports it (uploadPollFired)
            requestEnded = true
            return []
        }
        uploadComplete = true
        guard uploadListener, !synchronous else { return [] }
        return [.fire(.progress(.progress, target: .upload, loaded: uploadTransmitted, total: uploadLength)),
                .fire(.progress(.load, target: .upload, loaded: uploadTransmitted, total: uploadLength)),
                .fire(.progress(.loadend, target: .upload, loaded: uploadTransmitted, total: uploadLength))]
    }

    /// send() 11.9, processResponse (the sync path only records the length).
    private mutating func processResponse(bodyIsNull: Bool, length: Int64) -> [Action] {
        guard sendFlag, fetching, readyState == .opened else { return [] }
        responseLength = length
        if synchronous {
            guard bodyIsNull else { return [] }
            fetching = false
            return [.cancelTimer(.timeout)] + handleResponseEndOfBody()
        }
        if profile == .chromium {
            return chromiumProcessResponse(bodyIsNull: bodyIsNull)
        }
        readyState = .headersReceived
        return [.fire(.readyStateChange), .resume(.afterHeadersReceived(bodyIsNull: bodyIsNull))]
    }

    /// send() 11.9, processBodyChunk.
    private mutating func processBodyChunk(_ count: Int64, now: Int64) -> [Action] {
        guard sendFlag, fetching else { return [] }
        receivedBytes += count
        if profile == .chromium, !synchronous {
            return chromiumProcessBodyChunk(now: now)
        }
        guard !synchronous, readyState == .headersReceived || readyState == .loading else { return [] }
        if let last = lastProgressDispatch, now - last < Self.progressIntervalMicros { return [] }
        lastProgressDispatch = now
        readyState = .loading
        // "web compatibility is the reason readystatechange fires more often than state changes"
        return [.fire(.readyStateChange), .fire(.progress(.progress, target: .xhr, loaded: receivedBytes, total: responseLength))]
    }

    /// "handle response end-of-body" steps 1–5.
    private mutating func handleResponseEndOfBody() -> [Action] {
        guard sendFlag else { return [] }  // handle errors, step 1
        let transmitted = receivedBytes
        let length = responseLength
        if synchronous {
            return resume(.finishEndOfBody(transmitted: transmitted, length: length))
        }
        if profile == .chromium {
            return chromiumEndOfBody()
        }
        return [.fire(.progress(.progress, target: .xhr, loaded: transmitted, total: length)),
                .resume(.finishEndOfBody(transmitted: transmitted, length: length))]
    }

    /// "handle errors".
    private mutating func handleErrors(networkError: Bool) -> [Action] {
        guard sendFlag else { return [] }
        if timedOut { return requestErrorSteps(.timeout, exception: .timeoutError) }
        if networkError { return requestErrorSteps(.error, exception: .networkError) }
        return []
    }

    /// "request error steps".
    private mutating func requestErrorSteps(_ event: ProgressEventType, exception: DOMException.Name) -> [Action] {
        readyState = .done
        sendFlag = false
        // chromium: a held-back progress is dropped, not flushed, on errors (Blink's throttle
        // "kClear"; recordings/chromium/timeout-mid-body.jsonl ends rsc(4), timeout, loadend).
        let timer = stopProgressTimer() + stopUploadPoll()
        if synchronous {
            return timer + [.discardResponse, .throwException(exception)]
        }
        // Step 5 fires readystatechange; the upload flags are read after its listeners ran.
        return timer + [.discardResponse, .fire(.readyStateChange), .resume(.afterErrorReadyStateChange(event))]
    }
}

// MARK: - The chromium profile

extension XHRStateMachine {
    /// `chromium`: the total a progress event reports. Blink's DispatchProgressEvent:
    /// "length_computable = expected_length > 0 && received_length <= expected_length",
    /// total 0 when not computable.
    private var chromiumTotal: Int64 {
        responseLength > 0 && receivedBytes <= responseLength ? responseLength : 0
    }

    /// `chromium` processResponse: the head is kept; readystatechange(2) waits for the
    /// first body bytes or the end of the body (recordings/chromium/body-delay-300-nosniff.jsonl:
    /// head at 0, rsc(2) at 300 ms with the body; status-204.jsonl: rsc(2) and rsc(4) together).
    /// An upload the poll has not reported complete yet completes now, before it
    /// (post-100k-upload-listeners.jsonl: upload progress, load, loadend, then rsc(2)).
    private mutating func chromiumProcessResponse(bodyIsNull: Bool) -> [Action] {
        headArrived = true
        var actions = stopUploadPoll()
        if !uploadComplete {
            actions += uploadCompleted()
        }
        if bodyIsNull {
            fetching = false
            actions += [.cancelTimer(.timeout)] + chromiumEndOfBody()  // HEAD, 204: rsc(2), rsc(4) at once
        }
        return actions
    }

    /// `chromium` processBodyChunk (Blink's DidReceiveData and its progress throttle).
    ///
    /// The first chunk enters HEADERS_RECEIVED (rsc(2)), then LOADING (rsc(3)) and fires a
    /// progress event at once, starting a 50 ms one-shot timer. Chunks while the timer
    /// runs only update the numbers; when it fires, the held-back progress goes out with
    /// an rsc(3) before it and the timer restarts; with nothing held back it stops.
    /// (trickle-length-i20-nosniff.jsonl: chunks every 20 ms give progress about every
    /// 50 ms; trickle-length-i100-nosniff.jsonl: every chunk fires at once.)
    private mutating func chromiumProcessBodyChunk(now: Int64) -> [Action] {
        switch readyState {
        case .opened where headArrived:
            readyState = .headersReceived
            lateHeadersNow = now
            return [.fire(.readyStateChange), .resume(.afterLateHeadersReceived)]
        case .headersReceived, .loading:
            if progressTimerDeadline != nil {
                progressDeferred = true
                return []
            }
            return dispatchProgress(now: now)
        default:
            return []
        }
    }

    /// rsc(3) then progress, and the throttle timer starts.
    private mutating func dispatchProgress(now: Int64) -> [Action] {
        readyState = .loading
        let deadline = now + Self.progressIntervalMicros
        progressTimerDeadline = deadline
        progressDeferred = false
        return [.setTimer(.progress, atMicros: deadline), .fire(.readyStateChange), .resume(.afterProgressReadyStateChange)]
    }

    /// The throttle timer fired: deliver the held-back progress, if any, with the latest numbers.
    private mutating func progressTimerFired() -> [Action] {
        guard let deadline = progressTimerDeadline else { return [] }
        progressTimerDeadline = nil
        guard progressDeferred, sendFlag, readyState == .loading else {
            progressDeferred = false
            return []
        }
        return dispatchProgress(now: deadline)
    }

    /// Stops the throttle timer and forgets a held-back progress.
    private mutating func stopProgressTimer() -> [Action] {
        progressDeferred = false
        guard progressTimerDeadline != nil else { return [] }
        progressTimerDeadline = nil
        return [.cancelTimer(.progress)]
    }

    /// `chromium` handle response end-of-body: no end-of-body progress of its own
    /// (whatwg/xhr#318; bytes-1k-nosniff.jsonl ends rsc(3), progress, rsc(4), load, loadend).
    /// A progress the throttle held back is flushed with the state already done and no
    /// rsc(3) before it (trickle-length-i20-nosniff.jsonl: progress at readyState 4 right
    /// before rsc(4)). A body that never sent bytes enters HEADERS_RECEIVED first
    /// (bytes-empty.jsonl, head.jsonl).
    private mutating func chromiumEndOfBody() -> [Action] {
        if readyState == .opened {
            readyState = .headersReceived
            return [.fire(.readyStateChange), .resume(.afterLateHeadersReceivedAtEnd)]
        }
        let flush = progressDeferred
        let timer = stopProgressTimer()
        let transmitted = receivedBytes
        let length = chromiumTotal
        readyState = .done
        sendFlag = false
        let flushed: [Action] = flush ? [.fire(.progress(.progress, target: .xhr, loaded: transmitted, total: length))] : []
        return timer + flushed + [.resume(.afterFlushedProgress(transmitted: transmitted, length: length))]
    }

    // MARK: chromium upload progress

    /// The network service polls upload progress every 100 ms from the start of the
    /// request and the page hears of it then: a progress when bytes went out since the
    /// last poll, and progress, load and loadend once the whole body went out
    /// (recordings/chromium/post-100k-upload-delay-300.jsonl: the 100 KiB body leaves at
    /// once, its events come at the 100 ms poll, the response at 300 ms). A response
    /// that comes before the poll completes the upload first (chromiumProcessResponse).
    /// The progress of a poll that finds the body still going out follows Blink's
    /// DidSendData; no golden trace has an upload slow enough to show one.
    private mutating func uploadPollFired() -> [Action] {
        guard let deadline = uploadPollDeadline else { return [] }
        uploadPollDeadline = nil
        guard fetching, sendFlag, !uploadComplete else { return [] }
        if requestEnded {
            return uploadCompleted()
        }
        let next = deadline + Self.uploadPollMicros
        uploadPollDeadline = next
        var actions: [Action] = [.setTimer(.uploadProgress, atMicros: next)]
        if uploadTransmitted > uploadReported, uploadListener {
            uploadReported = uploadTransmitted
            actions.append(.fire(.progress(.progress, target: .upload, loaded: uploadTransmitted, total: uploadLength)))
        }
        return actions
    }

    /// Blink's DidSendData with everything sent: progress, then load and loadend, at the upload.
    private mutating func uploadCompleted() -> [Action] {
        uploadComplete = true
        uploadReported = uploadTransmitted
        guard uploadListener else { return [] }
        return [.fire(.progress(.progress, target: .upload, loaded: uploadTransmitted, total: uploadLength)),
                .fire(.progress(.load, target: .upload, loaded: uploadTransmitted, total: uploadLength)),
                .fire(.progress(.loadend, target: .upload, loaded: uploadTransmitted, total: uploadLength))]
    }

    private mutating func stopUploadPoll() -> [Action] {
        guard uploadPollDeadline != nil else { return [] }
        uploadPollDeadline = nil
        return [.cancelTimer(.uploadProgress)]
    }
}
