import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import NIOCore
import SocketReset
import NIOHTTP1
import NIOSSL

/// Serves scenarios on one connection: routes each request when its head arrives,
/// reads its body, then carries out the plan with exact control of the bytes on the
/// wire (the response head and framing are written by hand, not by NIO's encoder).
///
/// Requests are answered one at a time in arrival order; pipelined requests wait in
/// a queue. Timers are cancelled when the connection closes.
final class ScenarioHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Largest request body `/echo` returns; a bigger one gets 413.
    static let maximumEchoBodyBytes = 16 << 20
    /// Most pipelined requests queued behind the one being answered.
    static let maximumQueuedRequests = 64

    /// A request read (or being read), with its plan.
    private struct Request {
        var head: HTTPRequestHead
        var plan: Result<ScenarioPlan, ScenarioRequestError>
        var receivedAt: NIODeadline
        var bodyBytes: Int64 = 0
        var bodyChecksum = FNV1a64()
        var echoBody: [UInt8] = []
        var echoBodyTooLarge = false
    }

    /// The response being sent: how far it got.
    private struct Sending {
        var response: ScenarioResponse
        var keepAlive: Bool
        var sentBodyBytes: Int64 = 0
        var pieceSizes: [Int64]?
        var nextPiece = 0
        var bodyStart: NIODeadline = .now()
    }

    private let logger: Logger
    private var reading: Request?
    private var queue: [Request] = []
    private var sending: Sending?
    private var busy = false
    private var closed = false
    private var timers: [Int: Scheduled<Void>] = [:]
    private var nextTimerID = 0
    private var readThrottleUntil: NIODeadline?
    private var readHeld = false

    init(logger: Logger) {
        self.logger = logger
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let plan = Result { () throws(ScenarioRequestError) -> ScenarioPlan in
                guard head.uri.hasPrefix("/") else {
                    throw ScenarioRequestError(code: .unsupportedMethod, parameter: nil,
                                               message: "The scenario server takes origin-form targets (/path?query), not '\(head.uri)'; it is not a proxy.")
                }
                return try ScenarioRouter.plan(method: head.method.rawValue, target: head.uri)
            }
            reading = Request(head: head, plan: plan, receivedAt: .now())
        case .body(let buffer):
            guard var request = reading else { return }
            reading = nil  // no copy-on-write of the echo buffer
            request.bodyBytes += Int64(buffer.readableBytes)
            buffer.withUnsafeReadableBytes { request.bodyChecksum.update($0) }
            if case .success(let plan) = request.plan {
                if case .echo = plan.action {
                    if request.echoBody.count + buffer.readableBytes <= Self.maximumEchoBodyBytes {
                        request.echoBody += buffer.readableBytesView
                    } else {
                        request.echoBodyTooLarge = true
                        request.echoBody = []
                    }
                }
                if let rate = plan.requestBodyBytesPerSecond {
                    throttleReads(afterReading: buffer.readableBytes, bytesPerSecond: rate)
                }
            }
            reading = request
        case .end:
            guard let request = reading else { return }
            reading = nil
            guard queue.count < Self.maximumQueuedRequests else {
                logger.warning("Too many pipelined requests; closing the connection")
                close(context: context, reset: false)
                return
            }
            queue.append(request)
            startNextRequest(context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !closed else { return }
        if let parserError = error as? HTTPParserError, !busy {
            let status = parserError == .headerOverflow ? 431 : 400
            let response = ScenarioResponse(
                status: status, reasonPhrase: ScenarioRouter.standardReasonPhrase(status),
                headers: [HeaderLine("Content-Type", "text/plain")],
                body: .bytes(Array("The request could not be parsed as HTTP/1.1 (\(parserError)); the connection is closed.\n".utf8)))
            logger.debug("Malformed request: \(parserError)")
            busy = true
            send(response, keepAlive: false, context: context)
        } else {
            logger.debug("Connection error: \(error)")
            close(context: context, reset: false)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        for timer in timers.values { timer.cancel() }
        timers = [:]
        context.fireChannelInactive()
    }

    // MARK: Outbound: read throttling for the upload sink

    func read(context: ChannelHandlerContext) {
        guard let until = readThrottleUntil, until > .now() else {
            readThrottleUntil = nil
            context.read()
            return
        }
        guard !readHeld else { return }
        readHeld = true
        schedule(at: until, context: context) { handler, context in
            handler.readHeld = false
            handler.readThrottleUntil = nil
            context.read()
        }
    }

    private func throttleReads(afterReading byteCount: Int, bytesPerSecond: Int64) {
        let nanos = Int64(byteCount) * 1_000_000_000 / max(1, bytesPerSecond)
        let start = max(readThrottleUntil ?? .now(), .now())
        readThrottleUntil = start + .nanoseconds(nanos)
    }

    // MARK: Carrying out plans

    private func startNextRequest(context: ChannelHandlerContext) {
        guard !busy, !closed, !queue.isEmpty else { return }
        busy = true
        let request = queue.removeFirst()
        let keepAlive = request.head.isKeepAlive
        switch request.plan {
        case .failure(let error):
            send(.badRequest(error), keepAlive: keepAlive, context: context)
        case .success(let plan):
            afterDelay(millis: plan.delayBeforeHeadMillis, context: context) { handler, context in
                handler.carryOut(plan.action, for: request, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func carryOut(_ action: ScenarioPlan.Action, for request: Request, keepAlive: Bool, context: ChannelHandlerContext) {
        switch action {
        case .respond(let response):
            send(response, keepAlive: keepAlive, context: context)
        case .echo(var response):
            if request.echoBodyTooLarge {
                response = ScenarioResponse(
                    status: 413, reasonPhrase: "Content Too Large", headers: [HeaderLine("Content-Type", "text/plain")],
                    body: .bytes(Array("/echo returns bodies up to \(Self.maximumEchoBodyBytes) bytes; this one had \(request.bodyBytes). Use /upload-sink for large uploads.\n".utf8)))
            } else {
                response.body = .bytes(EchoDocument(head: request.head, body: request.echoBody).json)
            }
            response.omitBody = request.head.method == .HEAD
            send(response, keepAlive: keepAlive, context: context)
        case .uploadSink(_, var response):
            let elapsed = (NIODeadline.now() - request.receivedAt).nanoseconds / 1_000_000
            let summary = "{\"bytes\":\(request.bodyBytes),\"fnv1a64\":\"\(request.bodyChecksum.hex)\",\"millis\":\(elapsed)}\n"
            response.body = .bytes(Array(summary.utf8))
            response.omitBody = request.head.method == .HEAD
            send(response, keepAlive: keepAlive, context: context)
        case .closeWithoutResponse(let reset):
            close(context: context, reset: reset)
        case .hang(let millis):
            afterDelay(millis: millis, context: context) { handler, context in
                handler.close(context: context, reset: false)
            }
        }
    }

    private func send(_ response: ScenarioResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        var state = Sending(response: response, keepAlive: keepAlive && response.framing != .close)
        let hasBody = !response.omitBody && !response.statusForbidsBody
        context.writeAndFlush(wrapOutboundOut(headBuffer(for: response, keepAlive: state.keepAlive, allocator: context.channel.allocator)), promise: nil)
        guard hasBody else {
            finishResponse(keepAlive: state.keepAlive, context: context)
            return
        }
        state.pieceSizes = response.trickleSizes
        sending = state
        afterDelay(millis: response.bodyDelayMillis, context: context) { handler, context in
            handler.sending?.bodyStart = .now()
            handler.sendNextPiece(context: context)
        }
    }

    private func sendNextPiece(context: ChannelHandlerContext) {
        guard var state = sending, !closed else { return }
        let response = state.response
        let total = response.body.count
        let limit: Int64
        switch response.interruption {
        case .none: limit = total
        case .resetAfter(let bytes), .closeAfter(let bytes): limit = min(bytes, total)
        }
        if state.sentBodyBytes >= limit {
            endBody(context: context)
            return
        }
        var size: Int64
        if let sizes = state.pieceSizes {
            size = sizes[state.nextPiece]
        } else {
            size = 64 << 10
        }
        size = min(size, limit - state.sentBodyBytes)
        let offset = state.sentBodyBytes
        state.sentBodyBytes += size
        state.nextPiece += 1
        sending = state

        var buffer = context.channel.allocator.buffer(capacity: Int(size) + 16)
        if response.framing == .chunked { buffer.writeString(String(size, radix: 16) + "\r\n") }
        switch response.body {
        case .bytes(let bytes): buffer.writeBytes(bytes[Int(offset)..<Int(offset + size)])
        case .pattern: buffer.writeBytes(BodyPattern.bytes(from: offset, count: Int(size)))
        }
        if response.framing == .chunked { buffer.writeString("\r\n") }

        let written = context.writeAndFlush(wrapOutboundOut(buffer))
        written.assumeIsolated().whenComplete { [self] result in
            guard case .success = result else {
                close(context: context, reset: false)
                return
            }
            guard let state = sending else { return }
            if let sizes = state.pieceSizes, state.nextPiece < sizes.count,
               case .trickle(_, let interval) = state.response.pacing {
                let due = state.bodyStart + .milliseconds(interval * Int64(state.nextPiece))
                schedule(at: due, context: context) { handler, context in handler.sendNextPiece(context: context) }
            } else {
                // A write can complete inside writeAndFlush when the peer reads fast; going
                // through the event loop keeps a 1 GiB stream from recursing off the stack.
                context.eventLoop.assumeIsolated().execute { [self] in sendNextPiece(context: context) }
            }
        }
    }

    private func endBody(context: ChannelHandlerContext) {
        guard let state = sending else { return }
        sending = nil
        switch state.response.interruption {
        case .resetAfter(let bytes) where bytes < state.response.body.count:
            close(context: context, reset: true)
        case .closeAfter(let bytes) where bytes < state.response.body.count:
            close(context: context, reset: false)
        default:
            if state.response.framing == .chunked {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: "0\r\n\r\n")), promise: nil)
            }
            if state.response.framing == .close {
                close(context: context, reset: false)
            } else {
                finishResponse(keepAlive: state.keepAlive, context: context)
            }
        }
    }

    private func finishResponse(keepAlive: Bool, context: ChannelHandlerContext) {
        busy = false
        if keepAlive {
            startNextRequest(context: context)
        } else {
            close(context: context, reset: false)
        }
    }

    /// Closes after everything written so far is flushed; `reset` sends RST instead of FIN
    /// (SO_LINGER with a zero timeout).
    private func close(context: ChannelHandlerContext, reset: Bool) {
        guard !closed else { return }
        closed = true
        sending = nil
        let flushed = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)))
        guard reset, let socket = context.channel as? any SocketOptionProvider else {
            flushed.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            return
        }
        // Every byte written so far must reach the peer before the RST, which would
        // discard anything still queued; a peer that stopped reading gets 5 s.
        // Over TLS, closing through the TLS handler would send close_notify first (a
        // clean end); leave TLS out so the peer sees the bare reset, as from a crashed server.
        flushed.assumeIsolated().whenComplete { _ in
            TCPSendQueue.drained(socket, on: context.eventLoop, deadline: .now() + .seconds(5))
                .flatMap { socket.setSoLinger(Glibc.linger(l_onoff: 1, l_linger: 0)) }
                .flatMap { () -> EventLoopFuture<Void> in
                    guard let tls = try? context.pipeline.syncOperations.handler(type: NIOSSLHandler.self) else {
                        return context.eventLoop.makeSucceededVoidFuture()
                    }
                    return context.pipeline.syncOperations.removeHandler(tls)
                }
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    // MARK: Timers

    private func afterDelay(millis: Int64, context: ChannelHandlerContext, _ body: @escaping (ScenarioHandler, ChannelHandlerContext) -> Void) {
        if millis <= 0 {
            body(self, context)
        } else {
            schedule(at: .now() + .milliseconds(millis), context: context, body)
        }
    }

    private func schedule(at deadline: NIODeadline, context: ChannelHandlerContext, _ body: @escaping (ScenarioHandler, ChannelHandlerContext) -> Void) {
        guard !closed else { return }
        let id = nextTimerID
        nextTimerID += 1
        timers[id] = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timers[id] = nil
            guard !closed else { return }
            body(self, context)
        }
    }

    // MARK: Wire form

    private func headBuffer(for response: ScenarioResponse, keepAlive: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        var head = "HTTP/1.1 \(response.status) \(response.reasonPhrase)\r\n"
        for header in response.wireHeaders(keepAlive: keepAlive) {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "\r\n"
        return allocator.buffer(string: head)
    }
}

@available(*, unavailable, message: "A ScenarioHandler belongs to its channel's event loop")
extension ScenarioHandler: Sendable {}
