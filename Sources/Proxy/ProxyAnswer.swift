import Cassette

/// A response the proxy writes itself, not one from upstream or the cassette: a
/// rejection of bad input, a replay miss, an upstream failure before any response.
///
/// The body is plain text explaining what happened and what to do; the header
/// `X-Xhrtape-Error` names the reason in a stable, machine-readable form.
struct ProxyAnswer: Sendable, Hashable {
    /// The status code.
    var status: Int
    /// The reason phrase of the status line.
    var reasonPhrase: String
    /// The stable name of the reason (`head-too-large`, `replay-miss` …).
    var reason: String
    /// The text body, ending in a newline.
    var message: String
    /// Extra header fields, after the standard ones.
    var extraHeaders: [(name: String, value: String)] = []
    /// True when the connection must close after the answer (its byte stream cannot be trusted).
    var closesConnection: Bool

    static func == (lhs: ProxyAnswer, rhs: ProxyAnswer) -> Bool {
        lhs.status == rhs.status && lhs.reasonPhrase == rhs.reasonPhrase && lhs.reason == rhs.reason
            && lhs.message == rhs.message && lhs.closesConnection == rhs.closesConnection
            && lhs.extraHeaders.elementsEqual(rhs.extraHeaders, by: { $0 == $1 })
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(reason)
        hasher.combine(message)
    }

    /// The header fields, in order.
    var headers: [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", String(message.utf8.count)),
            ("X-Xhrtape-Error", reason),
        ]
        fields += extraHeaders
        if closesConnection { fields.append(("Connection", "close")) }
        return fields
    }

    // MARK: Bad input

    /// 400 for a request the proxy cannot read; the connection closes.
    static func malformed(_ why: String) -> ProxyAnswer {
        ProxyAnswer(status: 400, reasonPhrase: "Bad Request", reason: "malformed-request",
                    message: "xhrtape proxy: malformed request: \(why)\n", closesConnection: true)
    }

    /// 431 for a request head over `limit` bytes; the connection closes.
    static func headTooLarge(limit: Int) -> ProxyAnswer {
        ProxyAnswer(status: 431, reasonPhrase: "Request Header Fields Too Large", reason: "head-too-large",
                    message: "xhrtape proxy: the request line and header fields exceed \(limit) bytes. "
                        + "Send fewer or shorter header fields (large cookies are the usual cause).\n",
                    closesConnection: true)
    }

    /// 413 for a request body over `limit` bytes; the connection closes.
    static func bodyTooLarge(limit: Int) -> ProxyAnswer {
        ProxyAnswer(status: 413, reasonPhrase: "Content Too Large", reason: "body-too-large",
                    message: "xhrtape proxy: the request body exceeds \(limit) bytes, the most the proxy holds of a body "
                        + "it must see whole: to match it against the cassette (replay, record modes once on a recorded "
                        + "cassette, new and none) or to apply a redaction rule to it. Larger bodies stream upstream in "
                        + "record modes all and passthrough, and in passthrough. Raise ProxyConfiguration.maxRequestBodyBytes.\n",
                    closesConnection: true)
    }

    /// 400 for a request with both `Content-Length` and `Transfer-Encoding`.
    static func ambiguousFraming() -> ProxyAnswer {
        ProxyAnswer(status: 400, reasonPhrase: "Bad Request", reason: "ambiguous-framing",
                    message: "xhrtape proxy: the request has both Content-Length and Transfer-Encoding, so its "
                        + "body length is ambiguous (a request smuggling pattern). Send exactly one of them.\n",
                    closesConnection: true)
    }

    /// 400 for a request sent to the proxy as if it were the server.
    static func notAProxyRequest(target: String, proxyAddress: String) -> ProxyAnswer {
        ProxyAnswer(status: 400, reasonPhrase: "Bad Request", reason: "not-a-proxy-request",
                    message: "xhrtape proxy: \"\(target)\" is addressed to the proxy itself, not to a server. "
                        + "Configure the proxy in the client and request the real URL, for example "
                        + "`curl -x http://\(proxyAddress) http://example.test/path`, or set "
                        + "http_proxy=http://\(proxyAddress).\n",
                    closesConnection: true)
    }

    /// 400 for an absolute-form request whose URL points at the proxy (a loop).
    static func loop(url: String, proxyAddress: String) -> ProxyAnswer {
        ProxyAnswer(status: 400, reasonPhrase: "Bad Request", reason: "proxy-loop",
                    message: "xhrtape proxy: \(url) is the proxy's own address (\(proxyAddress)); forwarding it would "
                        + "loop. Request the server's URL instead, through the proxy.\n",
                    closesConnection: true)
    }

    /// 501 for a WebSocket upgrade: the proxy records and replays HTTP exchanges only.
    static func webSocketNotSupported(target: String) -> ProxyAnswer {
        ProxyAnswer(status: 501, reasonPhrase: "Not Implemented", reason: "websocket-not-supported",
                    message: "xhrtape proxy: \(target) asks for a WebSocket upgrade. xhrtape records and replays HTTP "
                        + "exchanges only; WebSocket traffic is neither forwarded nor recorded. Let the client reach "
                        + "this host directly (NO_PROXY, or Chromium's --proxy-bypass-list).\n",
                    closesConnection: true)
    }

    /// 400 for a `CONNECT` whose host cannot get a certificate from the local CA.
    static func noCertificate(for origin: TunnelOrigin, why: String) -> ProxyAnswer {
        ProxyAnswer(status: 400, reasonPhrase: "Bad Request", reason: "malformed-request",
                    message: "xhrtape proxy: malformed request: no certificate can be issued for CONNECT \(origin.authority): \(why)\n",
                    closesConnection: true)
    }

    /// 501 for what the proxy does not do: `CONNECT` on a proxy without a certificate authority.
    static func notImplemented(_ what: String) -> ProxyAnswer {
        ProxyAnswer(status: 501, reasonPhrase: "Not Implemented", reason: "not-implemented",
                    message: "xhrtape proxy: \(what)\n", closesConnection: true)
    }

    // MARK: Upstream and cassette

    /// 598 for a request replay cannot serve, explaining the closest recording.
    static func replayMiss(_ error: CassetteError) -> ProxyAnswer {
        ProxyAnswer(status: 598, reasonPhrase: "Not Recorded", reason: "replay-miss",
                    message: MissExplanation(error).text,
                    extraHeaders: [("X-Xhrtape-Miss", "1")], closesConnection: false)
    }

    /// The ``reason`` of ``outsideHostFilter(url:filter:)``.
    static let outsideHostFilterReason = "outside-host-filter"

    /// 598 for a request a replaying proxy leaves alone: its host is outside the host filter.
    static func outsideHostFilter(url: String, filter: HostFilter) -> ProxyAnswer {
        ProxyAnswer(status: 598, reasonPhrase: "Not Replayed", reason: outsideHostFilterReason,
                    message: "xhrtape proxy: \(url) was not looked up in the cassette: its host is outside this replay's "
                        + "host filter (\(filter)). A replaying proxy never contacts upstream, so it answers nothing else. "
                        + "Change --only-host / --ignore-host to replay it; this does not count as a miss.\n",
                    extraHeaders: [("X-Xhrtape-Excluded", "1")], closesConnection: false)
    }

    /// 503 for a request that arrives on an open connection while the proxy shuts down.
    static func stopping() -> ProxyAnswer {
        ProxyAnswer(status: 503, reasonPhrase: "Service Unavailable", reason: "proxy-stopping",
                    message: "xhrtape proxy: the proxy is shutting down and takes no new exchanges; "
                        + "send the request to a running proxy.\n",
                    closesConnection: true)
    }

    /// 502 for a cassette whose recording cannot be read.
    static func cassetteFailure(_ error: CassetteError) -> ProxyAnswer {
        ProxyAnswer(status: 502, reasonPhrase: "Bad Gateway", reason: "cassette-unreadable",
                    message: "xhrtape proxy: the cassette could not answer: \(error.description)\n",
                    closesConnection: false)
    }

    /// 502 (504 for a timeout) for an exchange that failed before a response head arrived.
    static func upstreamFailure(code: String, message: String, timedOut: Bool) -> ProxyAnswer {
        ProxyAnswer(status: timedOut ? 504 : 502, reasonPhrase: timedOut ? "Gateway Timeout" : "Bad Gateway",
                    reason: "upstream-\(code)",
                    message: "xhrtape proxy: the exchange failed before a response arrived: \(message)\n",
                    closesConnection: false)
    }
}
