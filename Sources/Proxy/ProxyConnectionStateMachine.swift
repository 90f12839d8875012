import HTTPTypes
import NIOHTTP1
import TapeCore

/// The sans-IO state of one client connection of the proxy: which request is being
/// read, which exchange answers it, and what to write or close next.
///
/// ``ProxyRequestHandler`` feeds it what happens (request parts, upstream signals, the
/// connection closing) and performs the ``Action`` it returns.
struct ProxyConnectionStateMachine {
    /// Where the connection is.
    enum State {
        /// Waiting for the next request head.
        case idle
        /// A request head was accepted; its body is being collected.
        case receivingBody(key: ExchangeKey, head: RequestHead, keepAlive: Bool, body: [UInt8])
        /// The request runs upstream (or in the cassette); no response head yet.
        case awaitingResponse(key: ExchangeKey, keepAlive: Bool)
        /// The response head was written; body parts follow until the end or a failure.
        /// `remaining` counts down the body bytes a `Content-Length` announced.
        case streamingResponse(key: ExchangeKey, keepAlive: Bool, remaining: Int64?)
        /// A `CONNECT` was accepted; waiting for the end of its (empty) request.
        case receivingConnect(TunnelOrigin)
        /// The connection became a TLS tunnel to `origin`: this machine is done, a new one
        /// serves the requests inside the tunnel.
        case tunnelling(TunnelOrigin)
        /// The connection is closing or closed; everything is ignored.
        case closed
    }

    /// What the handler must do.
    enum Action: Equatable {
        /// Nothing.
        case none
        /// Answer with a response of the proxy's own; close afterwards if `close`.
        case answer(ProxyAnswer, close: Bool)
        /// Answer `200 Connection Established` and terminate TLS for `origin` on this connection.
        case openTunnel(TunnelOrigin)
        /// Start exchange `key` for `request`.
        case startExchange(ExchangeRequest, key: ExchangeKey)
        /// Start exchange `key` for `request` (whose own body is empty) with its body streaming:
        /// `prefix` has arrived, the rest follows with ``forwardBody(_:)`` and ``endUpload``;
        /// `length` is the announced `Content-Length`, nil for a chunked body.
        case startStreamingExchange(ExchangeRequest, key: ExchangeKey, prefix: [UInt8], length: Int64?)
        /// Hand more body bytes to the exchange whose body streams.
        case forwardBody([UInt8])
        /// The streaming request body is complete.
        case endUpload
        /// Tell the client to send its body (`100 Continue`): the request asked with `Expect: 100-continue`.
        case sendContinue
        /// Cancel exchange `key`: its client went away.
        case cancelExchange(ExchangeKey)
        /// The client closed after receiving the whole announced body: let exchange `key`
        /// finish upstream (and be recorded) without writing anything more.
        case detachExchange(ExchangeKey)
        /// Write and flush the response head.
        case writeHead(ResponseHead)
        /// Write and flush body bytes.
        case writeBody([UInt8])
        /// Write the end of the response; close afterwards if `close`.
        case writeEnd(trailers: [(name: String, value: String)]?, close: Bool)
        /// Flush what was written, then reset the connection (TCP RST), as upstream did.
        case reset
        /// Close the connection (FIN) without ending the response: the client sees a truncated body.
        case close

        static func == (lhs: Action, rhs: Action) -> Bool {
            switch (lhs, rhs) {
            case (.none, .none), (.reset, .reset), (.close, .close), (.endUpload, .endUpload), (.sendContinue, .sendContinue): true
            case (.startStreamingExchange(let a, let k, let p, let n), .startStreamingExchange(let b, let l, let q, let m)):
                a == b && k == l && p == q && n == m
            case (.forwardBody(let a), .forwardBody(let b)): a == b
            case (.answer(let a, let c), .answer(let b, let d)): a == b && c == d
            case (.openTunnel(let a), .openTunnel(let b)): a == b
            case (.startExchange(let a, let k), .startExchange(let b, let l)): a == b && k == l
            case (.cancelExchange(let a), .cancelExchange(let b)), (.detachExchange(let a), .detachExchange(let b)): a == b
            case (.writeHead(let a), .writeHead(let b)): a == b
            case (.writeBody(let a), .writeBody(let b)): a == b
            case (.writeEnd(let a, let c), .writeEnd(let b, let d)):
                c == d && (a == nil) == (b == nil)
                    && (a ?? []).elementsEqual(b ?? [], by: { $0.name == $1.name && $0.value == $1.value })
            default: false
            }
        }
    }

    private(set) var state: State = .idle
    private let connection: UInt64
    private var sequence: UInt64 = 0
    private let validator: RequestHeadValidator
    private let maxBodyBytes: Int
    /// Whether a request with this head may stream a body larger than ``streamingThresholdBytes``.
    private let streamsBody: (RequestHead) -> Bool
    /// The current exchange's body is still streaming from the client.
    private(set) var uploading = false

    /// A body larger than this streams upstream as it arrives, when the head allows it;
    /// one up to this size is collected whole (as are larger ones that may not stream, up
    /// to `maxBodyBytes`).
    static let streamingThresholdBytes = 1 << 20

    init(connection: UInt64, validator: RequestHeadValidator, maxBodyBytes: Int, streamsBody: @escaping (RequestHead) -> Bool = { _ in false }) {
        self.connection = connection
        self.validator = validator
        self.maxBodyBytes = maxBodyBytes
        self.streamsBody = streamsBody
    }

    // MARK: Client side

    /// A request head arrived.
    mutating func requestHead(_ head: HTTPRequestHead) -> Action {
        guard case .idle = state else {
            if case .closed = state { return .none }
            if case .tunnelling = state { return .none }
            // The pipelining handler delivers one request at a time; anything else is a bug.
            preconditionFailure("request head in state \(state)")
        }
        switch validator.validate(head) {
        case .rejected(let answer):
            state = .closed
            return .answer(answer, close: true)
        case .connect(let origin):
            state = .receivingConnect(origin)
            return .none
        case .accepted(let upstreamHead):
            sequence += 1
            state = .receivingBody(key: ExchangeKey(connection: connection, sequence: sequence), head: upstreamHead,
                                   keepAlive: head.isKeepAlive, body: [])
            // RFC 9110 §10.1.1: a proxy may answer 100 itself; the upstream request goes without Expect.
            let expectsContinue = head.headers["expect"].contains { $0.lowercased() == "100-continue" }
            return expectsContinue ? .sendContinue : .none
        }
    }

    /// Request body bytes arrived.
    mutating func requestBody(_ bytes: some Collection<UInt8>) -> Action {
        if uploading {
            switch state {
            case .awaitingResponse, .streamingResponse: return .forwardBody(Array(bytes))
            default: return .none
            }
        }
        guard case .receivingBody(let key, let head, let keepAlive, var body) = state else { return .none }
        if body.count + bytes.count > Self.streamingThresholdBytes, streamsBody(head) {
            state = .idle  // drop the reference so `body` stays unique
            body.append(contentsOf: bytes)
            state = .awaitingResponse(key: key, keepAlive: keepAlive)
            uploading = true
            let length = head.headerFields[.contentLength].flatMap { Int64($0) }
            return .startStreamingExchange(ExchangeRequest(head: head, body: []), key: key, prefix: body, length: length)
        }
        guard body.count + bytes.count <= maxBodyBytes else {
            state = .closed
            return .answer(.bodyTooLarge(limit: maxBodyBytes), close: true)
        }
        state = .idle  // drop the reference so `body` stays unique while it grows
        body.append(contentsOf: bytes)
        state = .receivingBody(key: key, head: head, keepAlive: keepAlive, body: body)
        return .none
    }

    /// The request ended: start its exchange, or open the tunnel a `CONNECT` asked for.
    mutating func requestEnd() -> Action {
        if case .receivingConnect(let origin) = state {
            state = .tunnelling(origin)
            return .openTunnel(origin)
        }
        if uploading {
            uploading = false
            switch state {
            case .awaitingResponse, .streamingResponse: return .endUpload
            default: return .none
            }
        }
        guard case .receivingBody(let key, let head, let keepAlive, let body) = state else { return .none }
        state = .awaitingResponse(key: key, keepAlive: keepAlive)
        return .startExchange(ExchangeRequest(head: head, body: body), key: key)
    }

    /// The HTTP parser rejected the input.
    mutating func parseError(_ error: HTTPParserError) -> Action {
        switch state {
        case .idle, .receivingBody, .receivingConnect:
            state = .closed
            return .answer(validator.answer(for: error), close: true)
        case .tunnelling:
            return .none
        case .awaitingResponse(let key, _), .streamingResponse(let key, _, _):
            // A response is under way: the only safe thing left is to stop.
            state = .closed
            return .cancelExchange(key)
        case .closed:
            return .none
        }
    }

    /// The connection closed (the client went away, or the proxy closed it).
    mutating func connectionClosed() -> Action {
        defer { state = .closed }
        switch state {
        case .streamingResponse(let key, _, remaining: 0?):
            // Everything announced reached the client (which may close before upstream's end arrives).
            return .detachExchange(key)
        case .awaitingResponse(let key, _), .streamingResponse(let key, _, _): return .cancelExchange(key)
        case .idle, .receivingBody, .receivingConnect, .tunnelling, .closed: return .none
        }
    }

    // MARK: Upstream side

    /// The transport thread could not start exchange `key` and sent an answer instead.
    mutating func unanswerable(_ answer: ProxyAnswer, for key: ExchangeKey) -> Action {
        guard case .awaitingResponse(key, let keepAlive) = state else { return .none }
        let close = !keepAlive || answer.closesConnection || uploading
        state = close ? .closed : .idle
        return .answer(answer, close: close)
    }

    /// Timeline event `event` of exchange `key` arrived.
    mutating func upstreamEvent(_ event: TimelineEvent, for key: ExchangeKey) -> Action {
        switch (state, event) {
        case (.awaitingResponse(key, let keepAlive), .responseHead(let head)):
            state = .streamingResponse(key: key, keepAlive: keepAlive, remaining: head.contentLength)
            return .writeHead(head)
        case (.streamingResponse(key, let keepAlive, let remaining), .responseBodyChunk(let bytes)):
            state = .streamingResponse(key: key, keepAlive: keepAlive, remaining: remaining.map { max(0, $0 - Int64(bytes.count)) })
            return .writeBody(bytes)
        case (.streamingResponse(key, let keepAlive, _), .responseEnd(let trailers)):
            // A response that ends while its request body still streams (the server answered
            // early) ends the connection too: the rest of that body has nowhere to go.
            let close = !keepAlive || uploading
            state = close ? .closed : .idle
            return .writeEnd(trailers: trailers?.wirePairs, close: close)
        case (.awaitingResponse(key, let keepAlive), .failure(let failure)):
            if failure.code == .connectionReset {
                state = .closed
                return .reset
            }
            let close = !keepAlive || uploading
            state = close ? .closed : .idle
            return .answer(.upstreamFailure(code: failure.code.name, message: failure.message,
                                            timedOut: failure.code == .timedOut), close: close)
        case (.streamingResponse(key, _, _), .failure(let failure)):
            state = .closed
            return failure.code == .connectionReset ? .reset : .close
        case (.awaitingResponse(key, _), .requestBodySent), (.awaitingResponse(key, _), .requestEnd),
             (.streamingResponse(key, _, _), .requestBodySent), (.streamingResponse(key, _, _), .requestEnd):
            return .none
        default:
            // An event of an exchange this connection gave up on, or after the connection closed.
            return .none
        }
    }
}
