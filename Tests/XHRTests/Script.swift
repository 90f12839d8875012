import HTTPTypes
import TapeCore

/// Builders for scripted timelines: `Script.ok(body:chunks:gap:)` and friends.
enum Script {
    static func head(_ status: Int = 200, _ reason: String = "OK", _ headers: [(String, String)] = []) -> TimelineEvent {
        .responseHead(ResponseHead(status: status, reasonPhrase: reason,
                                   headerFields: HTTPFields(wirePairs: headers.map { (name: $0.0, value: $0.1) })!))
    }

    static func at(_ millis: Int64, _ event: TimelineEvent) -> Timeline.Entry {
        Timeline.Entry(offsetMicros: millis * 1_000, event: event)
    }

    static let end = TimelineEvent.responseEnd(trailers: nil)

    /// Head at `headAt` ms with Content-Length, then `chunks` equal pieces of `body`
    /// every `gap` ms starting `gap` ms after the head, then the end.
    static func trickle(_ body: [UInt8], chunks: Int, gap: Int64, headAt: Int64 = 10, contentLength: Bool = true, headers: [(String, String)] = []) -> [Timeline.Entry] {
        var entries = [at(headAt, head(200, "OK", (contentLength ? [("Content-Length", String(body.count))] : []) + headers))]
        let size = (body.count + chunks - 1) / max(1, chunks)
        var offset = 0
        var time = headAt
        while offset < body.count {
            time += gap
            let piece = Array(body[offset..<min(body.count, offset + size)])
            entries.append(at(time, .responseBodyChunk(piece)))
            offset += piece.count
        }
        entries.append(at(time, end))
        return entries
    }

    static func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    }
}
