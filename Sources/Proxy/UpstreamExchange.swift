import TapeCore

/// The transport delegate of one proxied exchange: forwards every event to the
/// connection's event loop. Lives on the ``TransportThread``.
final class UpstreamExchange: TransportDelegate {
    let key: ExchangeKey
    private let sink: ExchangeSink
    private let onTerminal: (ExchangeKey) -> Void
    /// The running task, to cancel it when the client goes away.
    var task: (any TransportTask)?

    init(key: ExchangeKey, sink: ExchangeSink, onTerminal: @escaping (ExchangeKey) -> Void) {
        self.key = key
        self.sink = sink
        self.onTerminal = onTerminal
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        sink.send(.event(event, offsetMicros: offsetMicros), for: key)
        if event.isTerminal {
            self.task = nil
            onTerminal(key)
        }
    }
}

@available(*, unavailable, message: "An UpstreamExchange belongs to the transport thread")
extension UpstreamExchange: Sendable {}
