import CurlTransport
import TapeCore

/// What the transport thread tells a connection about its exchange.
enum UpstreamSignal: Sendable {
    /// The exchange started; body bytes written to the client are acknowledged to
    /// `acknowledger` (nil when nothing is live, for example a replayed exchange).
    case started(acknowledger: CurlTransportTask?)
    /// The request could not be served from the cassette; answer with `answer`.
    case unanswerable(ProxyAnswer)
    /// One timeline event, in order; the last is terminal.
    case event(TimelineEvent, offsetMicros: Int64)
}
