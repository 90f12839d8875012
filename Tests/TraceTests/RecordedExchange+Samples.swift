import Cassette
import HTTPTypes
import TapeCore
import Trace

extension RecordedExchange {
    /// Exchange `id`: `method url`, answered with `body` in `chunks` equal pieces every 10 ms
    /// after a head at 5 ms (`chunkOffsets` overrides the chunks' times).
    static func sample(
        _ id: Int64, _ url: String, method: String = "GET", status: Int = 200, reason: String = "OK",
        headers: [(String, String)] = [("Content-Type", "text/plain")], body: [UInt8] = Array("hello".utf8),
        chunks: Int = 1, chunkOffsets: [Int64]? = nil, requestHeaders: [(String, String)] = []
    ) throws -> RecordedExchange {
        let request = ExchangeRequest(head: RequestHead(method: method, url: url, headerFields: fields(requestHeaders)))
        var entries = [Timeline.Entry(offsetMicros: 5_000, event: .responseHead(
            ResponseHead(status: status, reasonPhrase: reason, headerFields: fields(headers))))]
        let size = max(1, (body.count + chunks - 1) / chunks)
        var offset: Int64 = 5_000
        for (index, start) in stride(from: 0, to: body.count, by: size).enumerated() {
            offset = chunkOffsets?[index] ?? offset + 10_000
            entries.append(Timeline.Entry(offsetMicros: offset, event: .responseBodyChunk(Array(body[start..<min(body.count, start + size)]))))
        }
        entries.append(Timeline.Entry(offsetMicros: offset, event: .responseEnd(trailers: nil)))
        return RecordedExchange(id: ExchangeID(rawValue: id), timeline: try Timeline(request: request, entries: entries))
    }

    static func fields(_ pairs: [(String, String)]) -> HTTPFields {
        HTTPFields(wirePairs: pairs.map { (name: $0.0, value: $0.1) })!
    }
}
