/// What the scenario server does with one request: decided from the path and query
/// when the request head arrives, carried out when the request has been read.
struct ScenarioPlan: Equatable, Sendable {
    /// How the exchange goes.
    enum Action: Equatable, Sendable {
        /// Send this response.
        case respond(ScenarioResponse)
        /// Answer with the request as JSON, shaped by `template`'s timing and framing.
        case echo(template: ScenarioResponse)
        /// Read the body at `bytesPerSecond`, then answer with a JSON summary.
        case uploadSink(bytesPerSecond: Int64, template: ScenarioResponse)
        /// Close the connection without a response (FIN, or RST when `reset`).
        case closeWithoutResponse(reset: Bool)
        /// Send nothing; close the connection after `millis`.
        case hang(millis: Int64)
    }

    var action: Action
    /// Milliseconds to wait after the request before the response head.
    var delayBeforeHeadMillis: Int64 = 0
    /// Read the request body no faster than this many bytes per second (upload sink).
    var requestBodyBytesPerSecond: Int64? {
        if case .uploadSink(let rate, _) = action { return rate }
        return nil
    }
}

/// A response to send: status line, headers, body, and how the body is paced and framed.
struct ScenarioResponse: Equatable, Sendable {
    /// How the body is delimited on the wire.
    enum Framing: String, Equatable, Sendable, CaseIterable {
        /// `Content-Length`.
        case length
        /// `Transfer-Encoding: chunked`, one HTTP chunk per piece.
        case chunked
        /// Neither: the body ends when the server closes the connection.
        case close
    }

    /// Where the body bytes come from.
    enum Body: Equatable, Sendable {
        /// These bytes.
        case bytes([UInt8])
        /// `count` bytes of ``BodyPattern``, generated as they are sent (no buffer).
        case pattern(count: Int64)

        var count: Int64 {
            switch self {
            case .bytes(let bytes): Int64(bytes.count)
            case .pattern(let count): count
            }
        }
    }

    /// How the body is cut into pieces and spaced in time.
    enum Pacing: Equatable, Sendable {
        /// Pieces of up to 64 KiB, each sent once the previous one was written (backpressure).
        case stream
        /// The body split into `pieces` as equal as possible (the first ones a byte
        /// larger), piece `i` sent at body start + `i` × `intervalMillis`.
        case trickle(pieces: Int64, intervalMillis: Int64)
    }

    /// How the response stops early, if it does.
    enum Interruption: Equatable, Sendable {
        /// It does not: the body is sent whole.
        case none
        /// After this many body bytes, the connection is reset (RST, not FIN).
        case resetAfter(bytes: Int64)
        /// After this many body bytes, the connection is closed (FIN) without finishing.
        case closeAfter(bytes: Int64)
    }

    var status: Int
    /// Sent exactly, possibly empty.
    var reasonPhrase: String
    /// Sent in this order and case; framing headers are added after these.
    var headers: [HeaderLine]
    var body: Body
    var framing: Framing = .length
    var pacing: Pacing = .stream
    /// Milliseconds between the head and the first body byte.
    var bodyDelayMillis: Int64 = 0
    var interruption: Interruption = .none
    /// True when the response to a HEAD request: the head says what GET would send, no body follows.
    var omitBody = false

    /// The sizes of the pieces the body is sent in when trickled: the body split into
    /// `pieces` as equal as possible (the first ones one byte larger), no empty piece.
    /// Nil when the body streams.
    var trickleSizes: [Int64]? {
        guard case .trickle(let pieces, _) = pacing else { return nil }
        let total = body.count
        guard total > 0 else { return [] }
        let count = min(pieces, total)
        let base = total / count, extra = total % count
        return (0..<count).map { $0 < extra ? base + 1 : base }
    }

    /// 1xx, 204 and 304 responses never have a body (RFC 9110 §6.4.1).
    var statusForbidsBody: Bool {
        (100...199).contains(status) || status == 204 || status == 304
    }

    /// The header lines on the wire: ``headers``, then the framing headers, then
    /// `Connection: close` unless the connection stays open.
    func wireHeaders(keepAlive: Bool) -> [HeaderLine] {
        var lines = headers
        if !statusForbidsBody {
            switch framing {
            case .length: lines.append(HeaderLine("Content-Length", String(body.count)))
            case .chunked: lines.append(HeaderLine("Transfer-Encoding", "chunked"))
            case .close: break
            }
        }
        if !keepAlive { lines.append(HeaderLine("Connection", "close")) }
        return lines
    }

    /// The 400 answer to a request the router rejected: the error's message as the body.
    static func badRequest(_ error: ScenarioRequestError) -> ScenarioResponse {
        ScenarioResponse(status: 400, reasonPhrase: "Bad Request", headers: [HeaderLine("Content-Type", "text/plain")],
                         body: .bytes(Array((error.message + "\n").utf8)))
    }
}

/// One header line, kept exactly as it will be written.
struct HeaderLine: Equatable, Sendable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
