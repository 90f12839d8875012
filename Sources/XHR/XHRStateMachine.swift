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
package struct XHRStateMachine: Sendable {
    /// Timers the machine asks for.
    package enum TimerID: Hashable, Sendable {
        /// `xhr.timeout`, measured from the start of the fetch.
        case timeout
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

    package init() {}

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
        return actions
    }

    /// Stops an ongoing fetch without events ("terminate" / "abort the fetch controller").
    private mutating func terminate() -> [Action] {
        guard fetching else { return [] }
        fetching = false
        return [.terminateFetch, .cancelTimer(.timeout)]
    }

    /// send() 11.7, processRequestBodyChunkLength.
    private mutating func processRequestBodyChunkLength(_ count: Int64, now: Int64) -> [Action] {
        guard fetching, !synchronous, !uploadComplete else { return [] }
        uploadTransmitted += count
        if let last = lastUploadProgressDispatch, now - last < Self.progressIntervalMicros { return [] }
        guard uploadListener else { return [] }
        lastUploadProgressDispatch = now
        return [.fire(.progress(.progress, target: .upload, loaded: uploadTransmitted, total: uploadLength))]
    }

    /// send() 11.8, processRequestEndOfBody.
    private mutating func processRequestEndOfBody() -> [Action] {
        guard fetching, !uploadComplete else { return [] }
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
        readyState = .headersReceived
        return [.fire(.readyStateChange), .resume(.afterHeadersReceived(bodyIsNull: bodyIsNull))]
    }

    /// send() 11.9, processBodyChunk.
    private mutating func processBodyChunk(_ count: Int64, now: Int64) -> [Action] {
        guard sendFlag, fetching else { return [] }
        receivedBytes += count
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
        if synchronous {
            return [.discardResponse, .throwException(exception)]
        }
        // Step 5 fires readystatechange; the upload flags are read after its listeners ran.
        return [.discardResponse, .fire(.readyStateChange), .resume(.afterErrorReadyStateChange(event))]
    }
}
