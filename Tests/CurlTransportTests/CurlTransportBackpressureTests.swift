import CurlTransport
import ScenarioServer
import TapeCore
import Testing

/// Counts a large body without keeping it, checking a few bytes against the pattern.
final class CountingDelegate: TransportDelegate {
    private(set) var bodyBytes: Int64 = 0
    /// Bytes received and not yet acknowledged by the test.
    var unacknowledged = 0
    private(set) var patternMismatches = 0
    private(set) var terminal: TimelineEvent?

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        switch event {
        case .responseBodyChunk(let bytes):
            if bytes.first != BodyPattern.byte(at: bodyBytes) || bytes.last != BodyPattern.byte(at: bodyBytes + Int64(bytes.count) - 1) {
                patternMismatches += 1
            }
            bodyBytes += Int64(bytes.count)
            unacknowledged += bytes.count
        case .responseEnd, .failure:
            terminal = event
        case .requestBodySent, .requestEnd, .responseHead:
            break
        }
    }
}

extension CurlTransportLiveTests {
    @Suite struct BackpressureTests {
        @Test func slowConsumerPausesTheTransferAndBufferedBytesStayBounded() async throws {
            let harness = try await CurlHarness()
            let size: Int64 = 64 << 20
            let bound = 1 << 20
            let delegate = CountingDelegate()
            let task = harness.transport.start(CurlHarness.request(harness.server.url("/bytes?n=64m")), bodySource: nil,
                                               demand: .explicit(maxBufferedBytes: bound), delegate: delegate)
            // The consumer acknowledges nothing until the transfer has paused and every chunk
            // it accepted has been delivered; then it takes everything and waits again.
            var rounds = 0
            while delegate.terminal == nil, rounds < 10_000 {
                rounds += 1
                // The pause is decided on the driver thread, possibly after the last delivery,
                // so poll the condition rather than wait for scheduler work.
                let settled = harness.waitUntil {
                    delegate.terminal != nil || (task.backpressure.isPaused && delegate.unacknowledged == task.backpressure.bufferedBytes)
                }
                try #require(settled, "no pause and no end after \(delegate.bodyBytes) bytes")
                task.acknowledge(byteCount: delegate.unacknowledged)
                delegate.unacknowledged = 0
            }
            try await harness.shutdown()

            #expect(delegate.bodyBytes == size)
            #expect(delegate.patternMismatches == 0)
            #expect(delegate.terminal == TimelineEvent.responseEnd(trailers: nil))
            let status = task.backpressure
            #expect(status.pauseCount >= 32, "paused only \(status.pauseCount) times")
            #expect(status.peakBufferedBytes <= bound)
            #expect(task.metrics?.backpressure.pauseCount == status.pauseCount)
        }

        @Test func acknowledgementOnDeliveryNeedsNoConsumerAction() async throws {
            let harness = try await CurlHarness()
            let recorder = TimelineRecorder()
            let task = harness.transport.start(CurlHarness.request(harness.server.url("/bytes?n=4m")), bodySource: nil,
                                               demand: ResponseBodyDemand(maxBufferedBytes: 256 << 10, acknowledgement: .onDelivery),
                                               delegate: recorder)
            let finished = harness.scheduler.run(until: { recorder.isFinished }, timeoutMicros: CurlHarness.exchangeTimeoutMicros)
            try await harness.shutdown()

            try #require(finished)
            #expect(recorder.body.count == 4 << 20)
            #expect(task.backpressure.bufferedBytes == 0)
            #expect(task.backpressure.peakBufferedBytes <= 256 << 10)
        }
    }
}
