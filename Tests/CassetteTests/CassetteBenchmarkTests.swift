import Cassette
import Foundation
import TapeCore
import Testing

/// Figures for the issue's note; run with `XHRTAPE_BENCH=1 swift test -c release --filter CassetteBenchmarkTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["XHRTAPE_BENCH"] == "1"))
struct CassetteBenchmarkTests {
    /// A curl-like GET answered with a 1 KiB body in one chunk.
    private static func typicalExchange(_ index: Int, body: [UInt8]) throws -> Timeline {
        let request = ExchangeRequest.sample("GET", "http://api.example.test:8080/items/\(index)?page=\(index % 10)", headers: [
            ("Host", "api.example.test:8080"), ("User-Agent", "curl/8.5.0"), ("Accept", "*/*"),
        ])
        return try Timeline(request: request, entries: [
            .at(95, .requestEnd),
            .at(41_250, .responseHead(.sample(headers: [
                ("Content-Type", "application/octet-stream"), ("Content-Length", "1024"),
                ("Date", "Tue, 25 Nov 2025 11:06:00 GMT"), ("Connection", "keep-alive"),
            ]))),
            .at(41_730, .responseBodyChunk(body)),
            .at(41_731, .responseEnd(trailers: nil)),
        ])
    }

    /// `VmHWM` (peak resident set) from /proc/self/status, in KiB.
    private static func peakResidentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    /// Resets VmHWM to the current resident set (Linux 4.0+), so the next reading is this test's peak.
    private static func resetPeakResident() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    @Test func largeBodyRoundTripKeepsMemoryBounded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let chunkSize = 16_384
        let chunkCount = 200 * 1024 * 1024 / chunkSize
        let chunk = Timeline.bytes(count: chunkSize, seed: 7)
        Self.resetPeakResident()
        let before = Self.peakResidentKiB()
        let clock = ContinuousClock()
        let start = clock.now

        let cassette = try Cassette.create(at: directory.file("large.sqlite"))
        let writer = try cassette.beginExchange(.sample("GET", "http://h/200mb"))
        try writer.append(.responseHead(.sample(headers: [("Content-Length", String(chunkSize * chunkCount))])), atOffsetMicros: 1_000)
        var checksum: UInt64 = 0
        for index in 0..<chunkCount {
            var bytes = chunk
            bytes[0] = UInt8(truncatingIfNeeded: index)
            checksum = checksum &* 31 &+ UInt64(bytes[0])
            try writer.append(.responseBodyChunk(bytes), atOffsetMicros: 1_000 + Int64(index) * 10)
        }
        try writer.append(.responseEnd(trailers: nil), atOffsetMicros: 1_000 + Int64(chunkCount) * 10)
        let written = clock.now

        var cursor = try cassette.events(of: writer.id)
        var readBack: UInt64 = 0
        var bytesRead = 0
        while let entry = try cursor.next() {
            if case .responseBodyChunk(let bytes) = entry.event {
                readBack = readBack &* 31 &+ UInt64(bytes[0])
                bytesRead += bytes.count
            }
        }
        let read = clock.now
        try cassette.close()
        let fileSize = (try FileManager.default.attributesOfItem(atPath: directory.file("large.sqlite"))[.size] as? NSNumber)?.intValue ?? 0
        #expect(readBack == checksum)
        #expect(bytesRead == chunkSize * chunkCount)
        let peak = Self.peakResidentKiB()
        print("""
            bench: 200 MiB body in \(chunkCount) chunks of 16 KiB: written in \(written - start), streamed back in \(read - written); \
            peak RSS (VmHWM) \(peak / 1024) MiB (\(before / 1024) MiB before the round trip, +\((peak - before) / 1024) MiB); \
            \(fileSize) bytes on disk (\(String(format: "%.1f", Double(fileSize) / Double(chunkSize * chunkCount) * 100 - 100)) % over the body)
            """)
    }

    @Test func tenThousandExchangesWriteFastAndStaySmall() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("ten-thousand.sqlite")
        let count = 10_000
        let timelines = try (0..<count).map { try Self.typicalExchange($0, body: Timeline.bytes(count: 1024, seed: UInt64($0))) }
        let metadata = ExchangeMetadata(clientAddress: "127.0.0.1:53412", upstreamAddress: "127.0.0.1:8080", usesTLS: false)

        let clock = ContinuousClock()
        let start = clock.now
        let cassette = try Cassette.create(at: path)
        var ids: [ExchangeID] = []
        for timeline in timelines {
            ids.append(try cassette.record(timeline, metadata: metadata, startedAt: Date()))
        }
        let elapsed = clock.now - start
        try cassette.close()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("bench: wrote \(count) exchanges (1 KiB bodies, one transaction each) in \(elapsed): \(Int(Double(count) / seconds)) exchanges/s")
        print("bench: \(size) bytes on disk after close: \(size / count) bytes per exchange with a 1 KiB body")

        // Lookups.
        let reading = try Cassette(path: path, access: .readOnly)
        let scheduler = VirtualScheduler()
        let indexStart = clock.now
        let replay = try ReplayTransport(cassette: reading, scheduler: scheduler, timing: .instant)
        let indexed = clock.now
        var order = Array(0..<count)
        var state: UInt64 = 1
        for index in order.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            order.swapAt(index, Int(state >> 33) % (index + 1))
        }
        let lookupStart = clock.now
        for index in order {
            let id = try replay.lookup(timelines[index].request)
            precondition(id == ids[index])
        }
        let lookedUp = clock.now
        for index in order.prefix(2_000) {
            _ = try reading.timeline(of: ids[index])
        }
        let loaded = clock.now
        print("""
            bench: \(count) exchanges indexed for replay in \(indexed - indexStart); \
            lookup (redact + normalise + match) \((lookedUp - lookupStart) / count) per request; \
            timeline(of:) by id \((loaded - lookedUp) / 2_000) per exchange
            """)
        try reading.close()
    }
}
