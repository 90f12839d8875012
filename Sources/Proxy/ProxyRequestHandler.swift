import CurlTransport
import Logging
import NIOCore
import SocketReset
import NIOHTTP1
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
    private let dispatcher: TransportBound<UpstreamDispatcher>
    private let thread: TransportThread
    private let logger: Logger
    private var context: ChannelHandlerContext?
    /// The live task of the current exchange, told when body bytes reached the client.
    private var acknowledger: CurlTransportTask?
    private var exchangeLog = ExchangeLogLine()

    init(connection: UInt64, validator: RequestHeadValidator, maxBodyBytes: Int,
         dispatcher: TransportBound<UpstreamDispatcher>, thread: TransportThread, logger: Logger) {
        self.machine = ProxyConnectionStateMachine(connection: connection, validator: validator, maxBodyBytes: maxBodyBytes)
        self.dispatcher = dispatcher
        self.thread = thread
        var logger = logger
        logger[metadataKey: "connection"] = "\(connection)"
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            exchangeLog.begin(method: head.method.rawValue, url: head.uri)
            perform(machine.requestHead(head), context: context)
        case .body(let buffer):
            perform(machine.requestBody(buffer.readableBytesView), context: context)
        case .end:
            perform(machine.requestEnd(), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.connectionClosed(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError {
            perform(machine.parseError(error), context: context)
        } else {
            // ECONNRESET from the client and the like: the connection is gone.
            logger.debug("connection error", metadata: ["error": "\(error)"])
            perform(machine.connectionClosed(), context: context)
            context.close(promise: nil)
        }
    }

    /// A signal from the transport thread about exchange `key`. On the event loop.
    func receive(_ signal: UpstreamSignal, for key: ExchangeKey) {
        guard let context else { return }
        switch signal {
        case .started(let acknowledger):
            if case .awaitingResponse(key, _) = machine.state { self.acknowledger = acknowledger }
        case .unanswerable(let answer):
            exchangeLog.outcome = "miss"
            perform(machine.unanswerable(answer, for: key), context: context)
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
            if exchangeLog.outcome == nil { exchangeLog.outcome = "rejected" }
            let head = HTTPResponseHead(version: .http1_1, status: .custom(code: UInt(answer.status), reasonPhrase: answer.reasonPhrase),
                                        headers: HTTPHeaders(answer.headers.map { ($0.name, $0.value) }))
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.message)))), promise: nil)
            finishResponse(trailers: nil, close: close, context: context)
        case .startExchange(let request, let key):
            let sink = ExchangeSink(eventLoop: context.eventLoop, handler: NIOLoopBound(self, eventLoop: context.eventLoop))
            let dispatcher = dispatcher
            thread.execute { dispatcher.value.start(request, key: key, sink: sink) }
        case .cancelExchange(let key):
            acknowledger = nil
            exchangeLog.outcome = "client-aborted"
            exchangeLog.emit(to: logger)
            let dispatcher = dispatcher
            thread.execute { dispatcher.value.cancel(key) }
        case .detachExchange:
            acknowledger = nil
            exchangeLog.outcome = "client-closed-after-body"
            exchangeLog.emit(to: logger)
        case .writeHead(let head):
            exchangeLog.status = head.status
            let version: NIOHTTP1.HTTPVersion = .http1_1
            let nioHead = HTTPResponseHead(version: version, status: .custom(code: UInt(head.status), reasonPhrase: head.reasonPhrase),
                                           headers: HTTPHeaders(head.headerFields.wirePairs.map { ($0.name, $0.value) }))
            context.writeAndFlush(wrapOutboundOut(.head(nioHead)), promise: nil)
        case .writeBody(let bytes):
            exchangeLog.bodyBytes += bytes.count
            let written = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))))
            if let acknowledger {
                let count = bytes.count
                written.whenComplete { _ in acknowledger.acknowledge(byteCount: count) }
            }
        case .writeEnd(let trailers, let close):
            let fields = trailers.map { HTTPHeaders($0.map { ($0.name, $0.value) }) }
            finishResponse(trailers: fields, close: close, context: context)
        case .reset:
            exchangeLog.outcome = (exchangeLog.outcome ?? "") + "reset"
            exchangeLog.emit(to: logger)
            acknowledger = nil
            reset(context: context)
        case .close:
            exchangeLog.outcome = (exchangeLog.outcome ?? "") + "truncated"
            exchangeLog.emit(to: logger)
            acknowledger = nil
            let flushed = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(capacity: 0)))))
            flushed.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    private func finishResponse(trailers: HTTPHeaders?, close: Bool, context: ChannelHandlerContext) {
        acknowledger = nil
        exchangeLog.emit(to: logger)
        let written = context.writeAndFlush(wrapOutboundOut(.end(trailers)))
        if close {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Sends everything written so far, then closes with SO_LINGER 0 so the client sees a
    /// TCP reset, as it would have from the server.
    private func reset(context: ChannelHandlerContext) {
        let flushed = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(capacity: 0)))))
        guard let socket = context.channel as? any SocketOptionProvider else {
            flushed.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            return
        }
        let eventLoop = context.eventLoop
        flushed.assumeIsolated().whenComplete { _ in
            TCPSendQueue.drained(socket, on: eventLoop, deadline: .now() + .seconds(5))
                .flatMap { socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)) }
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}

@available(*, unavailable, message: "A ProxyRequestHandler belongs to its channel's event loop")
extension ProxyRequestHandler: Sendable {}
