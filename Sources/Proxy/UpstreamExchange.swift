import TapeCore

/// The transport delegate of one proxied exchange: forwards every event to the
/// connection's event loop. Lives on the ``TransportThread``.
final class UpstreamExchange: TransportDelegate {
    let key: ExchangeKey
    private let sink: ExchangeSink
    private let onTerminal: (ExchangeKey) -> Void
    /// The running task, to cancel it when the client goes away.
    var task: (any TransportTask)?
    /// How the exchange is served; counted when it ends.
    var kind: ProxyCounters.Kind = .passedThrough
    private let counters: ProxyCounters

    init(key: ExchangeKey, sink: ExchangeSink, counters: ProxyCounters, onTerminal: @escaping (ExchangeKey) -> Void) {
        self.key = key
        self.sink = sink
        self.counters = counters
        self.onTerminal = onTerminal
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        if event.isTerminal {
            // Counted before the client can see the end, so a client that finished finds it counted.
            if case .failure = event {
                counters.finished(kind, failed: true)
            } else {
                counters.finished(kind, failed: false)
            }
        }
        sink.send(.event(event, offsetMicros: offsetMicros), for: key)
        if event.isTerminal {
            self.task = nil
            onTerminal(key)
        }
    }
}

@available(*, unavailable, message: "An UpstreamExchange belongs to the transport thread")
extension UpstreamExchange: Sendable {}
