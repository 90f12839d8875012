import TapeCore
import Testing

struct TimelineTests {
    private typealias F = TimelineFixtures
    private let head = TimelineEvent.responseHead(TimelineFixtures.head())

    private func validationError(_ entries: [Timeline.Entry]) -> TimelineError? {
        do {
            _ = try Timeline(request: F.request, entries: entries)
            return nil
        } catch {
            return error
        }
    }

    @Test func aCompleteExchangeIsValidAndExposesItsParts() throws {
        let timeline = try Timeline(request: F.request, entries: [
            F.entry(0, .requestEnd),
            F.entry(10, head),
            F.entry(20, .responseBodyChunk([1, 2])),
            F.entry(20, .responseBodyChunk([3])),
            F.entry(25, .responseEnd(trailers: nil)),
        ])
        #expect(timeline.responseBody == [1, 2, 3])
        #expect(timeline.responseHead?.status == 200)
        #expect(timeline.durationMicros == 25)
        #expect(timeline.failure == nil)
    }

    @Test func aFailureBeforeAnyResponseIsValid() throws {
        let refused = TransportFailure(.connectionRefused, message: "refused")
        let timeline = try Timeline(request: F.request, entries: [F.entry(300, .failure(refused))])
        #expect(timeline.failure?.code == .connectionRefused)
        #expect(timeline.responseHead == nil)
    }

    @Test func aResetMidBodyKeepsTheBytesThatArrived() throws {
        let timeline = try Timeline(request: F.request, entries: [
            F.entry(10, head),
            F.entry(20, .responseBodyChunk([9, 9])),
            F.entry(30, .failure(TransportFailure(.connectionReset, message: "reset"))),
        ])
        #expect(timeline.responseBody == [9, 9])
        #expect(timeline.failure?.code == .connectionReset)
    }

    @Test(arguments: [
        ([F.entry(-1, .failure(TransportFailure(.aborted, message: "")))], TimelineError.Code.negativeOffset, 0),
        ([F.entry(10, .requestEnd), F.entry(5, .failure(TransportFailure(.aborted, message: "")))], .decreasingOffset, 1),
        ([F.entry(0, .requestEnd)], .missingTerminalEvent, nil),
        ([], .missingTerminalEvent, nil),
        ([F.entry(0, .responseBodyChunk([1])), F.entry(1, .responseEnd(trailers: nil))], .bodyBeforeHead, 0),
        ([F.entry(0, .responseEnd(trailers: nil))], .endBeforeHead, 0),
        ([F.entry(0, .responseHead(F.head())), F.entry(1, .responseHead(F.head())), F.entry(2, .responseEnd(trailers: nil))], .duplicateHead, 1),
        ([F.entry(0, .responseHead(F.head(status: 100))), F.entry(2, .responseEnd(trailers: nil))], .interimHead, 0),
        ([F.entry(0, .responseHead(F.head())), F.entry(1, .responseBodyChunk([])), F.entry(2, .responseEnd(trailers: nil))], .emptyChunk, 1),
        ([F.entry(0, .requestBodySent(byteCount: 0)), F.entry(1, .failure(TransportFailure(.aborted, message: "")))], .invalidByteCount, 0),
        ([F.entry(0, .requestEnd), F.entry(1, .requestBodySent(byteCount: 4)), F.entry(2, .failure(TransportFailure(.aborted, message: "")))], .requestEventAfterRequestEnd, 1),
        ([F.entry(0, .requestEnd), F.entry(1, .requestEnd), F.entry(2, .failure(TransportFailure(.aborted, message: "")))], .requestEventAfterRequestEnd, 1),
        ([F.entry(0, .responseHead(F.head())), F.entry(1, .responseEnd(trailers: nil)), F.entry(2, .responseBodyChunk([1]))], .eventAfterTerminal, 2),
        ([F.entry(0, .failure(TransportFailure(.aborted, message: ""))), F.entry(0, .failure(TransportFailure(.aborted, message: "")))], .eventAfterTerminal, 1),
    ] as [([Timeline.Entry], TimelineError.Code, Int?)])
    func malformedTimelinesAreRejectedWithTheBrokenRule(entries: [Timeline.Entry], code: TimelineError.Code, index: Int?) {
        let error = validationError(entries)
        #expect(error?.code == code)
        #expect(error?.entryIndex == index)
    }

    @Test func uncheckedTimelinesKeepWhateverTheyAreGiven() {
        let entries = [F.entry(5, .responseBodyChunk([1])), F.entry(1, .requestEnd)]
        #expect(Timeline.unchecked(request: F.request, entries: entries).entries == entries)
    }
}
