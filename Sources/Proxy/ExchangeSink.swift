import NIOCore

/// Where the transport thread sends an exchange's signals: the connection's handler,
/// reached through its event loop's ``SignalMailbox``.
struct ExchangeSink: Sendable {
    let mailbox: SignalMailbox
    let handler: NIOLoopBound<ProxyRequestHandler>

    /// Hands `signal` for exchange `key` to the handler on its event loop. Callable from any thread.
    func send(_ signal: UpstreamSignal, for key: ExchangeKey) {
        mailbox.post(signal, for: key, to: handler)
    }
}
