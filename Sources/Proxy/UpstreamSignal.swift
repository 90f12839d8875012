import TapeCore

/// What the transport thread tells a connection about its exchange.
enum UpstreamSignal: Sendable {
    /// The exchange started; body bytes written to the client are acknowledged to
    /// `acknowledger`: the live transfer, or the replay's playback. `kind` says where the
    /// response comes from (the exchange's log line names it).
    case started(acknowledger: (any BodyAcknowledging)?, kind: ProxyCounters.Kind)
    /// The request could not be served from the cassette; answer with `answer`.
    case unanswerable(ProxyAnswer)
    /// One timeline event, in order; the last is terminal.
    case event(TimelineEvent, offsetMicros: Int64)
}
