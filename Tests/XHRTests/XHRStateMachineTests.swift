@testable import XHR
import Testing

/// The sans-IO machine alone: inputs in, actions out, no scheduler, no transport.
struct XHRStateMachineTests {
    typealias Action = XHRStateMachine.Action

    private func opened() -> XHRStateMachine {
        var machine = XHRStateMachine()
        _ = machine.handle(.open(synchronous: false))
        return machine
    }

    @Test func openFiresOneReadyStateChangeAndReopeningFiresNone() {
        var machine = XHRStateMachine()
        #expect(run(&machine, .open(synchronous: false)) == [.discardResponse, .fire(.readyStateChange)])
        #expect(machine.readyState == .opened)
        #expect(run(&machine, .open(synchronous: false)) == [.discardResponse])
    }

    @Test func aSuccessfulExchangeFiresTheStandardsSequence() {
        var machine = opened()
        #expect(run(&machine, .send(.init(timeoutMillis: 500, now: 1_000))) ==
            [progress(.loadstart), .startFetch, .setTimer(.timeout, atMicros: 501_000)])
        #expect(run(&machine, .responseHead(bodyIsNull: false, length: 5)) == [.fire(.readyStateChange)])
        #expect(machine.readyState == .headersReceived)
        #expect(run(&machine, .responseChunk(byteCount: 5, now: 2_000)) == [.fire(.readyStateChange), progress(.progress, .xhr, 5, 5)])
        #expect(machine.readyState == .loading)
        #expect(run(&machine, .responseEnd) ==
            [.cancelTimer(.timeout), progress(.progress, .xhr, 5, 5), .fire(.readyStateChange), progress(.load, .xhr, 5, 5), progress(.loadend, .xhr, 5, 5)])
        #expect(machine.readyState == .done)
        #expect(!machine.sendFlag)
    }

    @Test func aNullBodyGoesFromHeadersReceivedStraightToDone() {
        // send-no-response-event-order.htm (spec profile): 1, loadstart, 2, progress(0,0), 4, load, loadend.
        var machine = opened()
        _ = run(&machine, .send(.init(now: 0)))
        #expect(run(&machine, .responseHead(bodyIsNull: true, length: 0)) ==
            [.fire(.readyStateChange), .cancelTimer(.timeout), progress(.progress), .fire(.readyStateChange), progress(.load), progress(.loadend)])
        #expect(run(&machine, .responseEnd) == [])
    }

    @Test func progressIsThrottledTo50MillisecondsSinceTheLastDispatch() {
        var machine = opened()
        _ = run(&machine, .send(.init(now: 0)))
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 0))
        #expect(run(&machine, .responseChunk(byteCount: 1, now: 10_000)).count == 2)
        #expect(run(&machine, .responseChunk(byteCount: 1, now: 59_999)) == [])
        #expect(run(&machine, .responseChunk(byteCount: 1, now: 60_000)) == [.fire(.readyStateChange), progress(.progress, .xhr, 3, 0)])
        #expect(run(&machine, .responseChunk(byteCount: 1, now: 100_000)) == [])
        // The final progress is never throttled and carries every byte.
        #expect(run(&machine, .responseEnd).contains(progress(.progress, .xhr, 4, 0)))
    }

    @Test func theTimeoutFiresTheRequestErrorSteps() {
        var machine = opened()
        _ = run(&machine, .send(.init(hasBody: true, uploadListener: true, bodyLength: 3, timeoutMillis: 100, now: 0)))
        #expect(run(&machine, .timerFired(.timeout)) == [
            .terminateFetch, .discardResponse, .fire(.readyStateChange),
            progress(.timeout, .upload), progress(.loadend, .upload), progress(.timeout), progress(.loadend),
        ])
        #expect(machine.readyState == .done)
        #expect(run(&machine, .timerFired(.timeout)) == [])
    }

    @Test func aTimeoutSetAfterSendIsMeasuredFromTheStartOfTheFetch() {
        var machine = opened()
        _ = run(&machine, .send(.init(now: 7_000)))
        #expect(run(&machine, .timeoutChanged(millis: 20)) == [.cancelTimer(.timeout), .setTimer(.timeout, atMicros: 27_000)])
        #expect(run(&machine, .timeoutChanged(millis: 0)) == [.cancelTimer(.timeout)])
    }

    @Test func abortWhileLoadingFiresAbortAndLeavesTheObjectUnsent() {
        var machine = opened()
        _ = run(&machine, .send(.init(now: 0)))
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 0))
        #expect(run(&machine, .abort) == [
            .terminateFetch, .cancelTimer(.timeout), .discardResponse, .fire(.readyStateChange), progress(.abort), progress(.loadend), .discardResponse,
        ])
        #expect(machine.readyState == .unsent)
    }

    @Test func abortAfterDoneResetsToUnsentWithoutAnyEvent() {
        var machine = opened()
        _ = run(&machine, .send(.init(now: 0)))
        _ = run(&machine, .responseHead(bodyIsNull: true, length: 0))
        #expect(run(&machine, .abort) == [.discardResponse])
        #expect(machine.readyState == .unsent)
    }

    @Test func abortInTheLoadstartListenerKeepsTheFetchFromStarting() {
        var machine = opened()
        let first = machine.handle(.send(.init(now: 0)))
        #expect(first == [progress(.loadstart), .resume(.afterLoadstart)])
        _ = machine.handle(.abort)  // what a loadstart listener would do
        #expect(run(&machine, .resumed(.afterLoadstart)) == [])
        #expect(!machine.fetching)
    }

    @Test func uploadEventsComeWithTheUploadListenerFlag() {
        var machine = opened()
        #expect(run(&machine, .send(.init(hasBody: true, uploadListener: true, bodyLength: 10, now: 0))) ==
            [progress(.loadstart), progress(.loadstart, .upload, 0, 10), .startFetch])
        #expect(run(&machine, .requestBodySent(byteCount: 4, now: 0)) == [progress(.progress, .upload, 4, 10)])
        #expect(run(&machine, .requestBodySent(byteCount: 6, now: 1_000)) == [])
        #expect(run(&machine, .requestEnd) == [progress(.progress, .upload, 10, 10), progress(.load, .upload, 10, 10), progress(.loadend, .upload, 10, 10)])
        var silent = opened()
        _ = run(&silent, .send(.init(hasBody: true, uploadListener: false, bodyLength: 10, now: 0)))
        #expect(run(&silent, .requestBodySent(byteCount: 10, now: 0)) == [])
        #expect(run(&silent, .requestEnd) == [])
    }

    @Test func aNetworkErrorFiresErrorAtTheUploadWhileItIsIncomplete() {
        var machine = opened()
        _ = run(&machine, .send(.init(hasBody: true, uploadListener: true, bodyLength: 10, now: 0)))
        #expect(run(&machine, .networkError) == [
            .cancelTimer(.timeout), .discardResponse, .fire(.readyStateChange),
            progress(.error, .upload), progress(.loadend, .upload), progress(.error), progress(.loadend),
        ])
    }

    @Test func synchronousRequestsFireNoProgressAndThrowOnErrors() {
        var machine = XHRStateMachine()
        _ = run(&machine, .open(synchronous: true))
        #expect(run(&machine, .send(.init(synchronous: true, now: 0))) == [.startFetch])
        #expect(run(&machine, .responseHead(bodyIsNull: false, length: 2)) == [])
        #expect(run(&machine, .responseChunk(byteCount: 2, now: 0)) == [])
        #expect(run(&machine, .responseEnd) == [.cancelTimer(.timeout), .fire(.readyStateChange), progress(.load, .xhr, 2, 2), progress(.loadend, .xhr, 2, 2)])
        var failing = XHRStateMachine()
        _ = run(&failing, .open(synchronous: true))
        _ = run(&failing, .send(.init(synchronous: true, now: 0)))
        #expect(run(&failing, .networkError) == [.cancelTimer(.timeout), .discardResponse, .throwException(.networkError)])
    }

    @Test func openDuringAFetchTerminatesItSilently() {
        var machine = opened()
        _ = run(&machine, .send(.init(timeoutMillis: 10, now: 0)))
        _ = run(&machine, .responseHead(bodyIsNull: false, length: 0))
        #expect(run(&machine, .open(synchronous: false)) == [.terminateFetch, .cancelTimer(.timeout), .discardResponse, .fire(.readyStateChange)])
        #expect(machine.readyState == .opened)
        #expect(run(&machine, .responseChunk(byteCount: 1, now: 0)) == [])
    }
}
