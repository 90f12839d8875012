import HTTPTypes
import TapeCore

/// Timelines the cassette tests record and compare.
extension Timeline {
    /// A response with `body` split into `chunkSizes` (the rest in one last chunk), a chunk every
    /// `gapMicros` after a head at 1 ms.
    static func response(
        to request: ExchangeRequest, status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/plain")],
        body: [UInt8], chunkSize: Int = .max, gapMicros: Int64 = 250, trailers: HTTPFields? = nil
    ) throws -> Timeline {
        var entries: [Entry] = [.at(120, .requestEnd), .at(1_000, .responseHead(.sample(status: status, headers: headers)))]
        var offset: Int64 = 1_000
        var start = 0
        while start < body.count {
            let end = min(body.count, start + chunkSize)
            offset += gapMicros
            entries.append(.at(offset, .responseBodyChunk(Array(body[start..<end]))))
            start = end
        }
        entries.append(.at(offset + 7, .responseEnd(trailers: trailers)))
        return try Timeline(request: request, entries: entries)
    }

    /// A simple GET answered with `text`.
    static func get(_ url: String, answer text: String, headers: [(String, String)] = []) throws -> Timeline {
        try response(to: .sample("GET", url, headers: headers), body: Array(text.utf8))
    }

    /// Deterministic pseudo-random bytes.
    static func bytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        var output = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            output[index] = UInt8(truncatingIfNeeded: state >> 33)
        }
        return output
    }
}

extension Timeline.Entry {
    /// `event` at `offset` µs.
    static func at(_ offset: Int64, _ event: TimelineEvent) -> Timeline.Entry {
        Timeline.Entry(offsetMicros: offset, event: event)
    }
}
