public import TapeCore

/// What the recorder knew about an exchange besides its timeline.
///
/// The proxy fills in the addresses; a ``RecordingTransport`` without a proxy in front knows
/// only whether the URL used TLS.
public struct ExchangeMetadata: Sendable, Hashable {
    /// The client's address as `host:port`, if the exchange came through the proxy.
    public var clientAddress: String?
    /// The upstream server's address as `host:port`, if the transport reported it.
    public var upstreamAddress: String?
    /// True when the upstream connection used TLS.
    public var usesTLS: Bool

    /// Creates metadata.
    public init(clientAddress: String? = nil, upstreamAddress: String? = nil, usesTLS: Bool) {
        self.clientAddress = clientAddress
        self.upstreamAddress = upstreamAddress
        self.usesTLS = usesTLS
    }

    /// Metadata for `request` when nothing but its URL is known: TLS for `https`.
    public static func inferred(from request: ExchangeRequest) -> ExchangeMetadata {
        ExchangeMetadata(usesTLS: request.head.url.lowercased().hasPrefix("https:"))
    }
}
