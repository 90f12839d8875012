import NIOCore

/// Where the transport thread sends an exchange's signals: the connection's handler,
/// reached through its event loop.
struct ExchangeSink: Sendable {
    let eventLoop: any EventLoop
    let handler: NIOLoopBound<ProxyRequestHandler>

    /// Hands `signal` for exchange `key` to the handler on its event loop. Callable from any thread.
    func send(_ signal: UpstreamSignal, for key: ExchangeKey) {
        let handler = handler
        eventLoop.execute {
            handler.value.receive(signal, for: key)
        }
    }
}
