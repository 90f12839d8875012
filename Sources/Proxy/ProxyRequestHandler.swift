import CurlTransport
import Logging
import NIOCore
import SocketReset
import NIOHTTP1
import NIOSSL
import TapeCore
#if canImport(Glibc)
import Glibc
#endif

/// Serves one client connection: reads absolute-form requests, starts their exchanges
/// on the ``TransportThread`` and streams each response back as its events arrive.
///
/// Sits after NIO's HTTP/1.1 server pipeline (with pipelining assistance, so requests
/// arrive one at a time). Decisions live in ``ProxyConnectionStateMachine``; this type
/// only performs them.
final class ProxyRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var machine: ProxyConnectionStateMachine
    private let pipeline: ProxyPipeline
    private var dispatcher: TransportBound<UpstreamDispatcher> { pipeline.dispatcher }
    private var thread: TransportThread { pipeline.thread }
    private var counters: ProxyCounters { pipeline.counters }
    private let logger: Logger
    /// True from the start of an exchange until this connection is done with it.
    private var exchangeInFlight = false
    private var context: ChannelHandlerContext?
    /// The live transfer or replay of the current exchange, told when body bytes reached the client.
    private var acknowledger: (any BodyAcknowledging)?
    private var exchangeLog = ExchangeLogLine()
    /// Response parts were written and not yet flushed.
    private var needsFlush = false
    /// The flush is promised to the mailbox delivering the current batch.
    private var flushRequested = false

    /// The body of the current exchange, while it streams from the client.
    private var upload: RequestBodyStream?

    init(connection: UInt64, validator: RequestHeadValidator, maxBodyBytes: Int, streamsBody: @escaping @Sendable (RequestHead) -> Bool,
         pipeline: ProxyPipeline, logger: Logger) {
        self.machine = ProxyConnectionStateMachine(
            connection: connection, validator: validator, maxBodyBytes: maxBodyBytes, streamsBody: streamsBody)
        self.pipeline = pipeline
        self.tunnel = validator.tunnel
        var logger = logger
        logger[metadataKey: "connection"] = "\(connection)"
        if let tunnel = validator.tunnel { logger[metadataKey: "tunnel"] = "\(tunnel)" }
        self.logger = logger
    }

    /// The tunnel this handler serves requests in, if any.
    private let tunnel: TunnelOrigin?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    /// When the current request's head arrived: the recording's time zero, so an
    /// exchange's offsets include the time its request body took to reach the proxy.
    private var requestHeadArrivedAt: ContinuousClock.Instant?

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHeadArrivedAt = .now
            let url = tunnel.map { head.uri.hasPrefix("/") ? $0.urlPrefix + head.uri : head.uri } ?? head.uri
            exchangeLog.begin(method: head.method.rawValue, url: url)
            perform(machine.requestHead(head), context: context)
        case .body(let buffer):
            perform(machine.requestBody(buffer.readableBytesView), context: context)
        case .end:
            perform(machine.requestEnd(), context: context)
        }
        if needsFlush { flushWrites() }
    }

    /// True once per batch if response parts wait for a flush: the mailbox then calls
    /// ``flushWrites()`` at the end of its batch.
    func takeFlushRequest() -> Bool {
        guard needsFlush, !flushRequested else { return false }
        flushRequested = true
        return true
    }

    /// Sends what was written.
    func flushWrites() {
        needsFlush = false
        flushRequested = false
        context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.connectionClosed(), context: context)
        endExchange()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError {
            perform(machine.parseError(error), context: context)
        } else if let tunnel, let failure = error as? NIOSSLError, case .handshakeFailed = failure {
            logger.warning("\(Self.handshakeAdvice(tunnel: tunnel, error: error))")
            perform(machine.connectionClosed(), context: context)
            context.close(promise: nil)
        } else {
            // ECONNRESET from the client and the like: the connection is gone.
            logger.debug("connection error", metadata: ["error": "\(error)"])
            perform(machine.connectionClosed(), context: context)
            context.close(promise: nil)
        }
    }

    private static func handshakeAdvice(tunnel: TunnelOrigin, error: any Error) -> String {
        "TLS with the client failed inside the tunnel to \(tunnel): \(error). If the client rejected the "
            + "certificate, make it trust the xhrtape CA (`xhrtape ca export` says how)."
    }

    /// A signal from the transport thread about exchange `key`. On the event loop.
    func receive(_ signal: UpstreamSignal, for key: ExchangeKey) {
        guard let context else { return }
        switch signal {
        case .started(let acknowledger, let kind):
            if case .awaitingResponse(key, _) = machine.state {
                self.acknowledger = acknowledger
                exchangeLog.source = kind
            }
        case .unanswerable(let answer):
            exchangeLog.outcome = switch answer.reason {
            case ProxyAnswer.outsideHostFilterReason: "excluded"
            case _ where answer.status == 598: "miss"
            default: "cassette-error"
            }
            let action = machine.unanswerable(answer, for: key)
            if action != .none { endExchange() }
            perform(action, context: context)
        case .event(let event, _):
            perform(machine.upstreamEvent(event, for: key), context: context)
        }
    }

    // MARK: Performing actions

    private func perform(_ action: ProxyConnectionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .answer(let answer, let close):
            exchangeLog.status = answer.status
            if exchangeLog.outcome == nil {
                exchangeLog.outcome = exchangeInFlight ? "upstream-failed" : "rejected"
                if !exchangeInFlight { counters.refused() }
            }
            endExchange()
            let head = HTTPResponseHead(version: .http1_1, status: .custom(code: UInt(answer.status), reasonPhrase: answer.reasonPhrase),
                                        headers: ResponseFraming.wireFields(status: answer.status, answer.headers))
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.message)))), promise: nil)
            finishResponse(trailers: nil, close: close, context: context)
        case .openTunnel(let origin):
            openTunnel(to: origin, context: context)
        case .sendContinue:
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))), promise: nil)
        case .startStreamingExchange(let request, let key, let prefix, let length):
            startStreamingExchange(request, key: key, prefix: prefix, length: length, context: context)
        case .forwardBody(let bytes):
            if upload?.append(bytes) == true { pauseReading(context: context) }
        case .endUpload:
            upload?.finish()
            upload = nil
        case .startExchange(let request, let key):
            startExchange(request, key: key, upload: nil, context: context)
        case .cancelExchange(let key):
            acknowledger = nil
            // Past the drain deadline the proxy closes the connection itself (ProxyServer.shutdown).
            let cutOff = counters.isStopping
            exchangeLog.outcome = cutOff ? "cut-off-at-stop" : "client-aborted"
            exchangeLog.emit(to: logger)
            if cutOff { counters.cutOffAtStop() } else { counters.clientAborted() }
            endExchange()
            let dispatcher = dispatcher
            let failure = TransportFailure(
                .clientGaveUp, message: cutOff ? "cut off: the proxy stopped before the response ended" : "aborted by client")
            thread.execute { dispatcher.value.abandon(key, recordingAs: failure) }
        case .detachExchange:
            endExchange()
            acknowledger = nil
            exchangeLog.outcome = "client-closed-after-body"
            exchangeLog.emit(to: logger)
        case .writeHead(let head):
            exchangeLog.status = head.status
            let version: NIOHTTP1.HTTPVersion = .http1_1
            let nioHead = HTTPResponseHead(version: version, status: .custom(code: UInt(head.status), reasonPhrase: head.reasonPhrase),
                                           headers: ResponseFraming.wireFields(status: head.status, head.headerFields.wirePairs))
            context.write(wrapOutboundOut(.head(nioHead)), promise: nil)
            needsFlush = true
        case .writeBody(let bytes):
            exchangeLog.bodyBytes += bytes.count
            let written = context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))))
            needsFlush = true
            if let acknowledger {
                let count = bytes.count
                written.whenComplete { _ in acknowledger.acknowledge(byteCount: count) }
            }
        case .writeEnd(let trailers, let close):
            let fields = trailers.map { HTTPHeaders($0.map { ($0.name, $0.value) }) }
            finishResponse(trailers: fields, close: close, context: context)
        case .reset:
            endExchange()
            exchangeLog.note("reset")
            exchangeLog.emit(to: logger)
            acknowledger = nil
            reset(context: context)
        case .close:
            endExchange()
            exchangeLog.note("truncated")
            exchangeLog.emit(to: logger)
            acknowledger = nil
            let flushed = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(capacity: 0)))))
            flushed.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Starts exchange `key` with its body streaming from the client: reading pauses while
    /// the stream holds its high-water mark and resumes once the upload has taken it down.
    private func startStreamingExchange(_ request: ExchangeRequest, key: ExchangeKey, prefix: [UInt8], length: Int64?,
                                        context: ChannelHandlerContext) {
        let stream = pipeline.uploads.makeStream(for: request.head, length: length, prefix: prefix)
        upload = stream
        let channel = context.channel
        stream.onDrained {
            channel.eventLoop.execute {
                _ = try? channel.syncOptions?.setOption(.autoRead, value: true)
                channel.read()
            }
        }
        if stream.producerShouldPause { pauseReading(context: context) }
        startExchange(request, key: key, upload: stream, context: context)
    }

    /// Hands exchange `key` to the transport thread; its signals come back through this loop's mailbox.
    private func startExchange(_ request: ExchangeRequest, key: ExchangeKey, upload: RequestBodyStream?, context: ChannelHandlerContext) {
        exchangeInFlight = true
        counters.exchangeStarted()
        let sink = ExchangeSink(mailbox: pipeline.mailboxes.mailbox(for: context.eventLoop),
                                handler: NIOLoopBound(self, eventLoop: context.eventLoop))
        let dispatcher = dispatcher
        let receivedAt = requestHeadArrivedAt ?? .now
        thread.execute { dispatcher.value.start(request, key: key, sink: sink, receivedAt: receivedAt, upload: upload) }
    }

    private func pauseReading(context: ChannelHandlerContext) {
        _ = try? context.channel.syncOptions?.setOption(.autoRead, value: false)
    }

    /// The streaming request body will not be completed: the upload fails where it stands.
    private func abandonUpload() {
        upload?.fail("the client's connection ended before the request body did")
        upload = nil
    }

    /// This connection is done with its exchange (for the in-flight count the drain waits on).
    private func endExchange() {
        abandonUpload()
        guard exchangeInFlight else { return }
        exchangeInFlight = false
        counters.exchangeEnded()
    }

    /// Answers `200 Connection Established` and hands the connection to TLS for `origin`.
    /// Reading pauses first, so the client's TLS handshake waits in the socket until the
    /// TLS handler is in place.
    private func openTunnel(to origin: TunnelOrigin, context: ChannelHandlerContext) {
        let tls: NIOSSLContext
        do {
            tls = try pipeline.tlsContext(for: origin)
        } catch {
            perform(.answer(.noCertificate(for: origin, why: "\(error)"), close: true), context: context)
            return
        }
        exchangeLog.status = 200
        exchangeLog.outcome = "tunnel"
        exchangeLog.emit(to: logger)
        let channel = context.channel
        _ = try? channel.syncOptions?.setOption(.autoRead, value: false)
        let head = HTTPResponseHead(version: .http1_1, status: .custom(code: 200, reasonPhrase: "Connection Established"))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let pipeline = pipeline
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { result in
            switch result {
            case .success:
                // Off the decoder's call stack: the handlers it belongs to are about to go.
                channel.eventLoop.assumeIsolated().execute {
                    pipeline.switchToTunnel(channel, origin: origin, context: tls)
                }
            case .failure:
                channel.close(promise: nil)
            }
        }
    }

    private func finishResponse(trailers: HTTPHeaders?, close: Bool, context: ChannelHandlerContext) {
        endExchange()
        acknowledger = nil
        exchangeLog.emit(to: logger)
        let written = context.writeAndFlush(wrapOutboundOut(.end(trailers)))
        needsFlush = false
        if close {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Sends everything written so far, then closes with SO_LINGER 0 so the client sees a
    /// TCP reset, as it would have from the server. Inside a tunnel the close skips the TLS
    /// handler, which would otherwise send close_notify first (a clean end, not a reset).
    private func reset(context: ChannelHandlerContext) {
        let flushed = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(capacity: 0)))))
        let closer = (try? context.pipeline.syncOperations.context(handlerType: NIOSSLServerHandler.self)) ?? context
        guard let socket = context.channel as? any SocketOptionProvider else {
            flushed.assumeIsolated().whenComplete { _ in closer.close(promise: nil) }
            return
        }
        let eventLoop = context.eventLoop
        flushed.assumeIsolated().whenComplete { _ in
            TCPSendQueue.drained(socket, on: eventLoop, deadline: .now() + .seconds(5))
                .flatMap { socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)) }
                .assumeIsolated().whenComplete { _ in closer.close(promise: nil) }
        }
    }
}

@available(*, unavailable, message: "A ProxyRequestHandler belongs to its channel's event loop")
extension ProxyRequestHandler: Sendable {}
