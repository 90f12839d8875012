import Cassette
import Foundation
import HTTPTypes
import TapeCore
import Trace

/// Builds N-exchange cassettes and times their replay through ``CassetteTracer``.
struct ReplayBenchmark {
    var directory: URL

    struct Figure {
        var seconds: Double
        var perSecond: Double
    }

    func measure(exchanges: Int, runs: Int) throws -> Figure {
        let path = directory.appendingPathComponent("replay-\(exchanges).sqlite").path
        try write(exchanges: exchanges, to: path)
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        var times: [Double] = []
        for _ in 0..<runs {
            let started = ContinuousClock.now
            let outcome = try CassetteTracer().trace(cassette)
            let elapsed = ContinuousClock.now - started
            precondition(outcome.misses.isEmpty && outcome.trace.requests.count == exchanges, "every exchange replays")
            times.append(Double(elapsed.wholeMicroseconds) / 1_000_000)
        }
        let median = times.sorted()[times.count / 2]
        return Figure(seconds: median, perSecond: Double(exchanges) / median)
    }

    /// N exchanges, each a distinct URL: head at 20 ms, four 1 KiB chunks 40 ms apart, end.
    private func write(exchanges: Int, to path: String) throws {
        let cassette = try Cassette(path: path)
        defer { try? cassette.close() }
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1024)
        let head = ResponseHead(status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Type", "text/plain"), ("Content-Length", "4096")])!)
        for index in 0..<exchanges {
            let writer = try cassette.beginExchange(ExchangeRequest(head: RequestHead(method: "GET", url: "http://bench.test/item/\(index)")))
            try writer.append(.responseHead(head), atOffsetMicros: 20_000)
            for chunkIndex in 0..<4 {
                try writer.append(.responseBodyChunk(chunk), atOffsetMicros: 30_000 + Int64(chunkIndex) * 40_000)
            }
            try writer.append(.responseEnd(trailers: nil), atOffsetMicros: 150_000)
        }
    }
}
