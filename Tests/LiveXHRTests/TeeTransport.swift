import TapeCore

/// Passes a transport's events through while keeping them, as a recorder would.
final class TeeTransport: Transport, TransportDelegate {
    private let inner: any Transport
    private weak var delegate: (any TransportDelegate)?
    let collector = TimelineCollector()
    private(set) var request: ExchangeRequest?

    init(_ inner: any Transport) { self.inner = inner }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        self.request = request
        self.delegate = delegate
        return inner.start(request, delegate: self)
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        collector.transportTask(task, didReceive: event, atOffsetMicros: offsetMicros)
        delegate?.transportTask(task, didReceive: event, atOffsetMicros: offsetMicros)
    }
}
