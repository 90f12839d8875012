import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// Builds the handlers that serve one client connection: NIO's HTTP/1.1 server
/// pipeline, the head-size guard and the ``ProxyRequestHandler``, either on the raw
/// connection or, after a `CONNECT`, behind TLS termination for the tunnel's server.
struct ProxyPipeline: Sendable {
    let configuration: ProxyConfiguration
    let connections: ConnectionIDSource
    let port: ProxyPortBox
    let dispatcher: TransportBound<UpstreamDispatcher>
    let thread: TransportThread
    let leaves: LeafCertificateCache?
    let counters: ProxyCounters
    let mailboxes: SignalMailboxes
    let uploads: UploadStreaming
    let logger: Logger

    /// Adds the HTTP handlers at the end of `channel`'s pipeline; on the event loop.
    /// `tunnel` is the server a `CONNECT` tunnel leads to, nil for the connection itself.
    func install(on channel: any Channel, tunnel: TunnelOrigin?) throws {
        let operations = channel.pipeline.syncOperations
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderListSize = configuration.maxRequestHeadBytes
        limits.maxHeaderFieldSize = configuration.maxRequestHeadBytes
        try operations.configureHTTPServerPipeline(
            withPipeliningAssistance: true, withErrorHandling: false,
            withEncoderConfiguration: ResponseFraming.encoderConfiguration, withDecoderLimitConfiguration: limits)
        let budget = RequestHeadBudget(limit: configuration.maxRequestHeadBytes)
        let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
        try operations.addHandler(RequestHeadGuardHandler(budget: budget), position: .before(decoder))
        try operations.addHandler(RequestHeadObserverHandler(budget: budget), position: .after(decoder))
        let validator = RequestHeadValidator(proxyHost: configuration.host, proxyPort: port.value,
                                             maxHeadBytes: configuration.maxRequestHeadBytes,
                                             interceptsTLS: leaves != nil, tunnel: tunnel)
        try operations.addHandler(ProxyRequestHandler(
            connection: connections.next(), validator: validator, maxBodyBytes: configuration.maxRequestBodyBytes,
            streamsBody: uploads.policy,
            pipeline: self, logger: logger))
    }

    /// The TLS context for `origin`'s host, issuing its leaf on first use.
    func tlsContext(for origin: TunnelOrigin) throws -> NIOSSLContext {
        guard let leaves else { preconditionFailure("CONNECT accepted without a certificate authority") }
        return try leaves.context(for: origin.host)
    }

    /// Turns `channel` into a TLS tunnel to `origin`: removes the plain HTTP handlers
    /// (reading is paused, so no byte of the client's TLS handshake reaches them), then
    /// adds TLS termination with `context` and a fresh HTTP stack for `origin`, and
    /// resumes reading. On the event loop, after `200 Connection Established` was written.
    func switchToTunnel(_ channel: any Channel, origin: TunnelOrigin, context tls: NIOSSLContext) {
        let operations = channel.pipeline.syncOperations
        func remove<Handler: ChannelHandler>(_ type: Handler.Type) -> EventLoopFuture<Void> {
            do {
                return operations.removeHandler(context: try operations.context(handlerType: type))
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
        let removals = [
            remove(ProxyRequestHandler.self),
            remove(HTTPServerPipelineHandler.self),
            remove(RequestHeadObserverHandler.self),
            remove(ByteToMessageHandler<HTTPRequestDecoder>.self),
            remove(RequestHeadGuardHandler.self),
            remove(HTTPResponseEncoder.self),
            remove(NIOHTTPResponseHeadersValidator.self),
        ]
        let logger = logger
        EventLoopFuture.andAllSucceed(removals, on: channel.eventLoop).assumeIsolated().whenComplete { result in
            do {
                try result.get()
                try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                try install(on: channel, tunnel: origin)
                try channel.syncOptions?.setOption(.autoRead, value: true)
                channel.read()
            } catch {
                logger.error("could not open the TLS tunnel", metadata: ["origin": "\(origin)", "error": "\(error)"])
                channel.close(promise: nil)
            }
        }
    }
}
