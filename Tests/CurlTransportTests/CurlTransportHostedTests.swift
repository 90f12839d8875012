import CurlTransport
import Foundation
import ScenarioServer
import TapeCore
import Testing

extension CurlTransportLiveTests {
    /// `CurlTransport(hostedBy:)`: libcurl on the scheduler's own driving thread (the proxy's
    /// transport thread), so events need no hand-over between threads. Transfers themselves:
    /// `hundredConcurrentTransfersAllComplete(hosted:)`; the proxy's tests run hosted throughout.
    @Suite struct HostedTests {
        @Test func aCancelFromAnotherThreadReachesLibcurlWhileItWaits() async throws {
            let harness = try await CurlHarness(hosted: true)
            let recorder = TimelineRecorder()
            let task = harness.transport.start(CurlHarness.request(harness.server.url("/trickle?chunks=3&size=100&interval=10000")),
                                               bodySource: nil, delegate: recorder)
            let started = harness.scheduler.run(until: { !recorder.bodyChunks.isEmpty }, timeoutMicros: 30_000_000)
            try #require(started)
            Thread.detachNewThread { task.cancel() }
            let removedAt = ContinuousClock.now
            // Only the command wakes the host's wait on libcurl's sockets: the next chunk is 10 s away.
            // (Not harness.waitUntil: its 2 ms ticks would end every wait anyway. The transfer count
            // changes only on the host's thread, when it applies the cancel.)
            let removed = harness.scheduler.run(until: { harness.transport.activeTransferCount == 0 }, timeoutMicros: 30_000_000)
            let waited = ContinuousClock.now - removedAt
            try await harness.shutdown()

            #expect(removed)
            #expect(waited < .seconds(8), "the cancel waited for the socket: \(waited)")
            #expect(!recorder.isFinished)
        }

        @Test func shutdownOnTheHostThreadAbortsARunningTransfer() async throws {
            let harness = try await CurlHarness(hosted: true)
            let recorder = TimelineRecorder()
            _ = harness.transport.start(CurlHarness.request(harness.server.url("/trickle?chunks=3&size=100&interval=10000")),
                                        delegate: recorder)
            let started = harness.scheduler.run(until: { !recorder.bodyChunks.isEmpty }, timeoutMicros: 30_000_000)
            try #require(started)
            harness.scheduler.execute { [transport = harness.transport] in transport.shutdown() }
            let finished = harness.scheduler.run(until: { recorder.isFinished }, timeoutMicros: 5_000_000)
            let refused = TimelineRecorder()
            _ = harness.transport.start(CurlHarness.request(harness.server.url("/bytes?n=10")), delegate: refused)
            let refusedFinished = harness.scheduler.run(until: { refused.isFinished }, timeoutMicros: 5_000_000)
            try await harness.shutdown()

            #expect(finished)
            #expect(recorder.failure?.code == .aborted)
            #expect(refusedFinished)
            #expect(refused.failure?.code == .aborted)
            #expect(harness.transport.activeTransferCount == 0)
        }
    }
}
