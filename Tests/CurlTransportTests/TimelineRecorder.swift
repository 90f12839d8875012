import CurlTransport
import TapeCore

/// A delegate that keeps every event with its offset, and the metrics, for assertions.
final class TimelineRecorder: CurlTransportDelegate {
    private(set) var entries: [Timeline.Entry] = []
    private(set) var metrics: CurlTransferMetrics?
    /// Called after each event is recorded.
    var onEvent: ((TimelineEvent) -> Void)?

    var isFinished: Bool { entries.last?.event.isTerminal ?? false }

    var head: ResponseHead? {
        entries.lazy.compactMap { entry -> ResponseHead? in
            if case .responseHead(let head) = entry.event { return head }
            return nil
        }.first
    }

    var body: [UInt8] {
        entries.reduce(into: []) { body, entry in
            if case .responseBodyChunk(let bytes) = entry.event { body += bytes }
        }
    }

    var bodyChunks: [(offsetMicros: Int64, bytes: [UInt8])] {
        entries.compactMap { entry in
            if case .responseBodyChunk(let bytes) = entry.event { return (entry.offsetMicros, bytes) }
            return nil
        }
    }

    var requestBodySentCounts: [Int] {
        entries.compactMap { entry in
            if case .requestBodySent(let count) = entry.event { return count }
            return nil
        }
    }

    var failure: TransportFailure? {
        if case .failure(let failure)? = entries.last?.event { return failure }
        return nil
    }

    var kinds: [String] { entries.map(\.event.kindName) }

    /// The recorded events as a checked timeline.
    func timeline(for request: ExchangeRequest) throws -> Timeline {
        try Timeline(request: request, entries: entries)
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        entries.append(Timeline.Entry(offsetMicros: offsetMicros, event: event))
        onEvent?(event)
    }

    func transportTask(_ task: CurlTransportTask, didCollect metrics: CurlTransferMetrics) {
        self.metrics = metrics
    }
}
