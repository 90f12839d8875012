import CurlTransport
import ScenarioServer
import TapeCore
import Testing

extension CurlTransportLiveTests {
    @Suite struct ConcurrencyTests {
        /// Hosted: libcurl on the scheduler's driving thread (`CurlTransport(hostedBy:)`, as in the proxy).
        @Test(arguments: [false, true]) func hundredConcurrentTransfersAllComplete(hosted: Bool) async throws {
            let harness = try await CurlHarness(hosted: hosted)
            let recorders = (0..<100).map { _ in TimelineRecorder() }
            for (index, recorder) in recorders.enumerated() {
                _ = harness.transport.start(CurlHarness.request(harness.server.url("/trickle?chunks=3&size=\(1000 + index)&interval=20")), delegate: recorder)
            }
            let finished = harness.scheduler.run(until: { recorders.allSatisfy(\.isFinished) }, timeoutMicros: 60_000_000)
            let idle = harness.waitUntil { harness.transport.activeTransferCount == 0 }
            try await harness.shutdown()

            try #require(finished)
            #expect(idle)
            for (index, recorder) in recorders.enumerated() {
                #expect(recorder.kinds.last == "responseEnd")
                #expect(recorder.body == BodyPattern.bytes(from: 0, count: 3 * (1000 + index)))
                // The third chunk leaves the server two 20 ms intervals after the first: read when it came.
                #expect((recorder.bodyChunks.last?.offsetMicros ?? 0) >= 40_000)
            }
        }

        @Test func cancelMidTransferRemovesTheHandleAndDeliversNothingMore() async throws {
            let harness = try await CurlHarness()
            var recorder: TimelineRecorder? = TimelineRecorder()
            weak let weakRecorder = recorder
            let task = harness.transport.start(CurlHarness.request(harness.server.url("/trickle?chunks=100&size=1000&interval=20")), bodySource: nil, delegate: recorder!)
            let started = harness.scheduler.run(until: { recorder!.bodyChunks.count >= 2 }, timeoutMicros: 30_000_000)
            try #require(started)
            #expect(harness.transport.activeTransferCount == 1)

            task.cancel()
            let countAtCancel = recorder!.entries.count
            let removed = harness.waitUntil { harness.transport.activeTransferCount == 0 }
            // Everything the driver thread handed over before removing the handle has run now.
            let drained = harness.drainScheduler()
            #expect(removed)
            #expect(drained)
            #expect(recorder!.entries.count == countAtCancel)
            #expect(!recorder!.isFinished)
            #expect(task.metrics != nil)
            recorder = nil
            #expect(weakRecorder == nil, "the cancelled task still holds its delegate")
            task.cancel()  // twice does nothing
            try await harness.shutdown()
        }

        @Test func cancelBeforeTheDriverAddsTheTransferDeliversNothing() async throws {
            let harness = try await CurlHarness()
            let recorder = TimelineRecorder()
            let task = harness.transport.start(CurlHarness.request(harness.server.url("/bytes?n=10")), delegate: recorder)
            task.cancel()
            let idle = harness.waitUntil { harness.transport.activeTransferCount == 0 }
            let drained = harness.drainScheduler()
            try await harness.shutdown()

            #expect(idle && drained)
            #expect(recorder.entries.isEmpty)
        }

        @Test func shutdownAbortsRunningExchangesAndRefusesNewOnes() async throws {
            let harness = try await CurlHarness()
            let running = TimelineRecorder()
            _ = harness.transport.start(CurlHarness.request(harness.server.url("/hang?ms=10000")), delegate: running)
            let attached = harness.waitUntil { harness.transport.activeTransferCount == 1 }
            try #require(attached)
            harness.transport.shutdown()
            let aborted = harness.scheduler.run(until: { running.isFinished }, timeoutMicros: 10_000_000)
            let late = try harness.get("/bytes?n=10")
            try await harness.shutdown()

            #expect(aborted)
            #expect(running.failure?.code == .aborted)
            #expect(late.failure?.code == .aborted)
            #expect(harness.transport.activeTransferCount == 0)
        }
    }
}
