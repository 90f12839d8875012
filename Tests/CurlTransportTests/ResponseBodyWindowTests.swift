import CurlTransport
import Testing

struct ResponseBodyWindowTests {
    @Test func chunksAreAcceptedUntilTheNextWouldPassTheBound() {
        var window = ResponseBodyWindow(limit: 100)
        do { let result = window.offer(60); #expect(result == .accept) }
        do { let result = window.offer(40); #expect(result == .accept) }
        do { let result = window.offer(1); #expect(result == .pause) }
        #expect(window.status == BackpressureStatus(bufferedBytes: 100, peakBufferedBytes: 100, pauseCount: 1, isPaused: true))
    }

    @Test func aChunkLargerThanTheBoundIsAcceptedWhenNothingIsBuffered() {
        var window = ResponseBodyWindow(limit: 10)
        do { let result = window.offer(16); #expect(result == .accept) }
        do { let result = window.offer(1); #expect(result == .pause) }
    }

    @Test func pausedWindowResumesOnlyAtHalfTheBound() {
        var window = ResponseBodyWindow(limit: 100)
        _ = window.offer(100)
        do { let result = window.offer(10); #expect(result == .pause) }
        do { let result = window.acknowledge(40); #expect(!result) }
        #expect(window.status.isPaused)
        do { let result = window.acknowledge(10); #expect(result) }
        #expect(!window.status.isPaused)
        do { let result = window.acknowledge(50); #expect(!result) }
        #expect(window.status.bufferedBytes == 0)
    }

    @Test func acknowledgingMoreThanBufferedEmptiesTheWindow() {
        var window = ResponseBodyWindow(limit: 100)
        _ = window.offer(30)
        do { let result = window.acknowledge(1_000); #expect(!result) }
        #expect(window.status.bufferedBytes == 0)
        #expect(window.status.peakBufferedBytes == 30)
    }

    @Test func repeatedOffersWhilePausedCountOnePause() {
        var window = ResponseBodyWindow(limit: 10)
        _ = window.offer(10)
        do { let result = window.offer(5); #expect(result == .pause) }
        do { let result = window.offer(5); #expect(result == .pause) }
        #expect(window.status.pauseCount == 1)
    }
}
