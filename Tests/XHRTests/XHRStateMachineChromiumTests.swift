@testable import XHR
import Testing

/// The machine under the `chromium` profile: the deviations the golden traces in
/// recordings/chromium/ show, input by input.
struct XHRStateMachineChromiumTests {
    typealias Action = XHRStateMachine.Action

    /// Opened and sent (a GET at time 0), the loadstart already out.
    private func sent(body: Int64 = 0, uploadListener: Bool = false) -> XHRStateMachine {
        var machine = XHRStateMachine(profile: .chromium)
        _ = machine.handle(.open(synchronous: false))
        _ = run(&machine, .send(.init(hasBody: body > 0, uploadListener: uploadListener, bodyLength: body, now: 0)))
        return machine
    }

    @Test func headersReceivedWaitsForTheFirstBodyBytes() {
        var machine = sent()
        #expect(run(&machine, .responseHead(bodyIsNull: false, length: 500)) == [])
        #expect(machine.readyState == .opened)
        #expect(run(&machine, .responseChunk(byteCount: 100, now: 300_000)) ==
            [.fire(.readyStateChange), .setTimer(.progress, atMicros: 350_000), .fire(.readyStateChange), progress(.progress, .xhr, 100, 500)])
        #expect(machine.readyState == .loading)
    }

    @Test func chunksInsideTheFiftyMillisecondWindowAreDeliveredByTheTimerWithTheLatestNumbers() {
        var machine = sent()
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 1_000))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 0))
        #expect(run(&machine, .responseChunk(byteCount: 100, now: 20_000)) == [])
        #expect(run(&machine, .responseChunk(byteCount: 100, now: 40_000)) == [])
        #expect(run(&machine, .timerFired(.progress)) ==
            [.setTimer(.progress, atMicros: 100_000), .fire(.readyStateChange), progress(.progress, .xhr, 300, 1_000)])
        // Nothing new by the next tick: the timer stops without an event.
        #expect(run(&machine, .timerFired(.progress)) == [])
        // The next chunk fires at once again.
        #expect(run(&machine, .responseChunk(byteCount: 100, now: 170_000)) ==
            [.setTimer(.progress, atMicros: 220_000), .fire(.readyStateChange), progress(.progress, .xhr, 400, 1_000)])
    }

    @Test func theEndOfTheBodyFiresNoProgressOfItsOwn() {
        var machine = sent()
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 100))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 0))
        #expect(run(&machine, .responseEnd) ==
            [.cancelTimer(.timeout), .cancelTimer(.progress), .fire(.readyStateChange), progress(.load, .xhr, 100, 100), progress(.loadend, .xhr, 100, 100)])
        #expect(machine.readyState == .done)
    }

    @Test func aHeldBackProgressIsFlushedInTheDoneStateBeforeReadyStateChangeFour() {
        var machine = sent()
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 200))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 0))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 20_000))
        var flushedAtDone = false
        var actions: [Action] = []
        var pending: [XHRStateMachine.Input] = [.responseEnd]
        while !pending.isEmpty {
            for action in machine.handle(pending.removeFirst()) {
                if case .resume(let step) = action { pending.append(.resumed(step)); continue }
                if action == progress(.progress, .xhr, 200, 200) { flushedAtDone = machine.readyState == .done }
                actions.append(action)
            }
        }
        #expect(actions == [.cancelTimer(.timeout), .cancelTimer(.progress), progress(.progress, .xhr, 200, 200),
                            .fire(.readyStateChange), progress(.load, .xhr, 200, 200), progress(.loadend, .xhr, 200, 200)])
        #expect(flushedAtDone)
    }

    @Test func aNullBodyFiresHeadersReceivedThenDoneWithoutProgress() {
        var machine = sent()
        #expect(run(&machine, .responseHead(bodyIsNull: true, length: 1_024)) ==
            [.cancelTimer(.timeout), .fire(.readyStateChange), .fire(.readyStateChange), progress(.load, .xhr, 0, 1_024), progress(.loadend, .xhr, 0, 1_024)])
    }

    @Test func moreBytesThanTheLengthMakeTheTotalZero() {
        var machine = sent()
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 100))
        #expect(run(&machine, .responseChunk(byteCount: 150, now: 0)).last == progress(.progress, .xhr, 150, 0))
    }

    @Test func theUploadPollReportsACompleteBodyAtOneHundredMilliseconds() {
        var machine = XHRStateMachine(profile: .chromium)
        _ = machine.handle(.open(synchronous: false))
        #expect(run(&machine, .send(.init(hasBody: true, uploadListener: true, bodyLength: 10, now: 0))) ==
            [progress(.loadstart), progress(.loadstart, .upload, 0, 10), .startFetch, .setTimer(.uploadProgress, atMicros: 100_000)])
        #expect(run(&machine, .requestBodySent(byteCount: 10, now: 0)) == [])
        #expect(run(&machine, .requestEnd) == [])
        #expect(run(&machine, .timerFired(.uploadProgress)) ==
            [progress(.progress, .upload, 10, 10), progress(.load, .upload, 10, 10), progress(.loadend, .upload, 10, 10)])
        #expect(run(&machine, .responseHead(bodyIsNull: false, length: 5)) == [])
    }

    @Test func aPollThatFindsTheBodyStillGoingOutReportsWhatWentOut() {
        var machine = sent(body: 300, uploadListener: true)
        _ = run(&machine, .requestBodySent(byteCount: 100, now: 50_000))
        #expect(run(&machine, .timerFired(.uploadProgress)) == [.setTimer(.uploadProgress, atMicros: 200_000), progress(.progress, .upload, 100, 300)])
        // Nothing more went out: the next poll is silent and polls again.
        #expect(run(&machine, .timerFired(.uploadProgress)) == [.setTimer(.uploadProgress, atMicros: 300_000)])
        _ = run(&machine, .requestBodySent(byteCount: 200, now: 250_000))
        _ = run(&machine, .requestEnd)
        #expect(run(&machine, .timerFired(.uploadProgress)) ==
            [progress(.progress, .upload, 300, 300), progress(.load, .upload, 300, 300), progress(.loadend, .upload, 300, 300)])
    }

    @Test func aResponseBeforeTheUploadPollCompletesTheUploadFirst() {
        var machine = sent(body: 10, uploadListener: true)
        _ = run(&machine, .requestBodySent(byteCount: 10, now: 0))
        _ = run(&machine, .requestEnd)
        #expect(run(&machine, .responseHead(bodyIsNull: false, length: 5)) ==
            [.cancelTimer(.uploadProgress), progress(.progress, .upload, 10, 10), progress(.load, .upload, 10, 10), progress(.loadend, .upload, 10, 10)])
    }

    @Test func aTimeoutDropsAHeldBackProgress() {
        var machine = sent()
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 1_000))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 0))
        _ = run(&machine, .responseChunk(byteCount: 100, now: 10_000))
        let actions = run(&machine, .timerFired(.timeout))
        #expect(actions.contains(.cancelTimer(.progress)))
        #expect(!actions.contains(progress(.progress, .xhr, 200, 1_000)))
        #expect(actions.suffix(2) == [progress(.timeout), progress(.loadend)])
    }

    @Test func sniffedTypesAreHeldForTheirSniffingWindowUnlessNosniff() {
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: [("Content-Type", "text/plain; charset=utf-8")]) == 1_024)
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: []) == 1_024)
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: [("Content-Type", "text/xml")]) == 300)
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: [("Content-Type", "text/plain"), ("X-Content-Type-Options", "nosniff")]) == nil)
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: [("Content-Type", "application/octet-stream")]) == nil)
        #expect(ChromiumMIMESniffing.bytesToSniff(headers: [("Content-Type", "application/json")]) == nil)
    }
}
