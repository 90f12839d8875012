import HTTPTypes
import TapeCore

/// Builders for the timelines the TapeCore tests share.
enum TimelineFixtures {
    static let request = ExchangeRequest(head: RequestHead(method: "GET", url: "http://127.0.0.1:1/trickle"))

    static func head(status: Int = 200, contentLength: Int? = nil) -> ResponseHead {
        var fields = HTTPFields()
        if let contentLength { fields[.contentLength] = String(contentLength) }
        return ResponseHead(status: status, reasonPhrase: "OK", headerFields: fields)
    }

    static func entry(_ offset: Int64, _ event: TimelineEvent) -> Timeline.Entry {
        Timeline.Entry(offsetMicros: offset, event: event)
    }

    /// A head at 10 ms, `chunks` chunks of 10 bytes every `gapMicros`, then the end.
    static func trickle(chunks: Int, gapMicros: Int64) throws -> Timeline {
        var entries = [entry(10_000, .responseHead(head(contentLength: chunks * 10)))]
        for index in 0..<chunks {
            entries.append(entry(10_000 + Int64(index + 1) * gapMicros, .responseBodyChunk(Array(repeating: UInt8(index % 256), count: 10))))
        }
        entries.append(entry(entries.last!.offsetMicros, .responseEnd(trailers: nil)))
        return try Timeline(request: request, entries: entries)
    }
}
