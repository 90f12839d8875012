import CurlTransport
import Foundation
import ScenarioServer
import TapeCore
import Testing

/// Throughput, request rate, timing error and memory, printed for the issue's note.
/// Off unless `XHRTAPE_BENCH=1`; run in a release build:
/// `XHRTAPE_BENCH=1 swift test -c release --filter CurlTransportBenchmarks`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["XHRTAPE_BENCH"] == "1"))
struct CurlTransportBenchmarks {
    /// Peak resident set size of this process so far (`VmHWM`), in MiB.
    private static func peakResidentMiB() -> Double {
        residentField("VmHWM:")
    }

    private static func currentResidentMiB() -> Double {
        residentField("VmRSS:")
    }

    private static func residentField(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return -1 }
        return kilobytes / 1024
    }

    /// 1 GiB in 16384 pieces of 64 KiB sent back to back. Plain `/bytes?n=1g` overflows the
    /// scenario server's stack when the client reads as fast as it writes: each write that
    /// completes at once starts the next one recursively (`ScenarioHandler.sendNextPiece`);
    /// trickle pacing with a zero interval goes through the event loop's timers instead.
    static let oneGibibytePath = "/bytes?n=1g&chunks=16384&interval=0"

    @Test func oneGibibyteBodyThroughputAndPeakMemory() async throws {
        let harness = try await CurlHarness()
        let delegate = CountingDelegate()
        let before = Self.currentResidentMiB()
        let clock = ContinuousClock()
        let start = clock.now
        let task = harness.transport.start(CurlHarness.request(harness.server.url(Self.oneGibibytePath)), bodySource: nil, demand: nil, delegate: delegate)
        // Acknowledged on delivery: the scheduler thread is the consumer.
        let finished = harness.scheduler.run(until: { delegate.terminal != nil }, timeoutMicros: 600_000_000)
        let elapsed = clock.now - start
        try await harness.shutdown()

        try #require(finished)
        #expect(delegate.bodyBytes == 1 << 30)
        let seconds = Double(elapsed.wholeMicroseconds) / 1_000_000
        let status = task.backpressure
        print("""
            [bench] 1 GiB body: \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", Double(1 << 30) / seconds / 1_000_000)) MB/s \
            (\(String(format: "%.0f", Double(1 << 30) / seconds / 1_048_576)) MiB/s); pauses \(status.pauseCount), \
            peak buffered \(status.peakBufferedBytes) B; RSS before \(String(format: "%.1f", before)) MiB, \
            peak RSS (VmHWM, server in-process) \(String(format: "%.1f", Self.peakResidentMiB())) MiB
            """)
    }

    @Test func slowConsumerOfOneGibibyteKeepsMemoryBounded() async throws {
        let harness = try await CurlHarness()
        let delegate = CountingDelegate()
        let clock = ContinuousClock()
        let start = clock.now
        let task = harness.transport.start(CurlHarness.request(harness.server.url(Self.oneGibibytePath)), bodySource: nil,
                                           demand: .explicit(maxBufferedBytes: 1 << 20), delegate: delegate)
        var rounds = 0
        while delegate.terminal == nil, rounds < 1_000_000 {
            rounds += 1
            let settled = harness.waitUntil(timeoutMicros: 60_000_000) {
                delegate.terminal != nil || (task.backpressure.isPaused && delegate.unacknowledged == task.backpressure.bufferedBytes)
            }
            try #require(settled)
            task.acknowledge(byteCount: delegate.unacknowledged)
            delegate.unacknowledged = 0
        }
        let elapsed = clock.now - start
        try await harness.shutdown()

        #expect(delegate.bodyBytes == 1 << 30)
        let seconds = Double(elapsed.wholeMicroseconds) / 1_000_000
        print("""
            [bench] 1 GiB body, consumer acknowledging only when paused (1 MiB bound): \(String(format: "%.2f", seconds)) s, \
            \(task.backpressure.pauseCount) pauses, peak buffered \(task.backpressure.peakBufferedBytes) B, \
            peak RSS \(String(format: "%.1f", Self.peakResidentMiB())) MiB
            """)
    }

    @Test func smallRequestsPerSecond() async throws {
        let harness = try await CurlHarness()
        let total = 5_000
        let concurrency = 32
        var started = 0
        var finished = 0
        var failures = 0
        func startOne() {
            started += 1
            let recorder = TimelineRecorder()
            recorder.onEvent = { event in
                guard event.isTerminal else { return }
                finished += 1
                if case .failure = event { failures += 1 }
                if started < total { startOne() }
            }
            _ = harness.transport.start(CurlHarness.request(harness.server.url("/bytes?n=100")), delegate: recorder)
        }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<concurrency { startOne() }
        let done = harness.scheduler.run(until: { finished == total }, timeoutMicros: 300_000_000)
        let elapsed = clock.now - start
        try await harness.shutdown()

        try #require(done)
        #expect(failures == 0)
        let seconds = Double(elapsed.wholeMicroseconds) / 1_000_000
        print("[bench] \(total) GETs of 100 B, \(concurrency) in flight: \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", Double(total) / seconds)) requests/s")
    }

    @Test func trickleOffsetsAgainstServerPacing() async throws {
        let harness = try await CurlHarness()
        let pieces = 20
        let interval: Int64 = 50_000
        var errors: [Double] = []
        for _ in 0..<5 {
            let recorder = try harness.get("/trickle?chunks=\(pieces)&size=100&interval=\(interval / 1_000)")
            var starts: [Int64] = []
            var position = 0
            for chunk in recorder.bodyChunks {
                while starts.count < pieces, starts.count * 100 < position + chunk.bytes.count { starts.append(chunk.offsetMicros) }
                position += chunk.bytes.count
            }
            try #require(starts.count == pieces)
            for piece in 1..<pieces {
                errors.append(Double(abs(starts[piece] - starts[0] - Int64(piece) * interval)) / 1_000)
            }
        }
        try await harness.shutdown()

        errors.sort()
        let mean = errors.reduce(0, +) / Double(errors.count)
        let p95 = errors[Int(Double(errors.count - 1) * 0.95)]
        print("""
            [bench] trickle offsets vs server pacing (\(errors.count) gaps, 50 ms apart): mean error \(String(format: "%.3f", mean)) ms, \
            p95 \(String(format: "%.3f", p95)) ms, max \(String(format: "%.3f", errors.last ?? 0)) ms
            """)
    }
}
