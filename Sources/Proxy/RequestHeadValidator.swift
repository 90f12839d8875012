import Foundation
import HTTPTypes
import NIOHTTP1
import TapeCore

/// Turns a client's request head into the head sent upstream, or the answer that
/// rejects it. Pure: no IO, so every rule is testable on its own.
struct RequestHeadValidator: Sendable {
    /// The proxy's own address, `host:port`, for messages.
    let proxyAddress: String
    /// The proxy's port: an absolute-form URL to a loopback host on this port loops.
    let proxyPort: Int
    /// Hosts that reach the proxy (loopback names plus the bound address).
    let selfHosts: Set<String>
    /// The most bytes a request head may have.
    let maxHeadBytes: Int
    /// True when `CONNECT` is answered with a TLS tunnel (the proxy has a certificate authority).
    let interceptsTLS: Bool
    /// Inside a `CONNECT` tunnel, the server it leads to: requests are origin-form and
    /// become `https://` exchanges. Nil on a connection to the proxy itself.
    let tunnel: TunnelOrigin?

    /// What ``validate(_:)`` decided.
    enum Outcome {
        /// Forward the request with this head.
        case accepted(RequestHead)
        /// Refuse the request with this answer.
        case rejected(ProxyAnswer)
        /// Open a TLS tunnel to this server (`CONNECT`).
        case connect(TunnelOrigin)
    }

    /// Header fields that describe the client-to-proxy hop, never forwarded
    /// (RFC 9110 §7.6.1, plus the de-facto `Proxy-Connection`).
    static let hopByHopNames: Set<String> = [
        "connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "trailer", "upgrade",
    ]

    init(proxyHost: String, proxyPort: Int, maxHeadBytes: Int, interceptsTLS: Bool = false, tunnel: TunnelOrigin? = nil) {
        self.interceptsTLS = interceptsTLS
        self.tunnel = tunnel
        self.proxyAddress = proxyHost.contains(":") ? "[\(proxyHost)]:\(proxyPort)" : "\(proxyHost):\(proxyPort)"
        self.proxyPort = proxyPort
        self.selfHosts = ["127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0", proxyHost.lowercased()]
        self.maxHeadBytes = maxHeadBytes
    }

    /// The upstream head for `head`, or why it is refused.
    func validate(_ head: HTTPRequestHead) -> Outcome {
        var headBytes = head.method.rawValue.utf8.count + head.uri.utf8.count + 12
        for (name, value) in head.headers { headBytes += name.utf8.count + value.utf8.count + 4 }
        if headBytes > maxHeadBytes { return .rejected(.headTooLarge(limit: maxHeadBytes)) }

        if head.method == .CONNECT { return validateConnect(head.uri) }
        if head.headers["upgrade"].contains(where: { $0.lowercased().contains("websocket") }) {
            return .rejected(.webSocketNotSupported(target: head.uri))
        }
        let hasLength = head.headers.contains(name: "content-length")
        let hasTransferEncoding = head.headers.contains(name: "transfer-encoding")
        if hasLength && hasTransferEncoding { return .rejected(.ambiguousFraming()) }
        let lengths = Set(head.headers["content-length"].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        if lengths.count > 1 || lengths.contains(where: { $0.isEmpty || !$0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) {
            return .rejected(.malformed("Content-Length \(head.headers["content-length"].joined(separator: ", ")) is not one decimal length."))
        }
        if hasTransferEncoding,
           head.headers["transfer-encoding"].last?.lowercased().split(separator: ",").last?.trimmingCharacters(in: .whitespaces) != "chunked" {
            return .rejected(.malformed("Transfer-Encoding \(head.headers["transfer-encoding"].joined(separator: ", ")) does not end in chunked."))
        }

        let target: String
        if let tunnel {
            // Inside a tunnel: origin-form, or absolute-form naming the tunnel's own server.
            if head.uri.hasPrefix("/") {
                target = tunnel.urlPrefix + head.uri
            } else if let url = URLComponents(string: head.uri), url.scheme?.lowercased() == "https",
                      url.host?.lowercased() == tunnel.host, (url.port ?? 443) == tunnel.port {
                target = head.uri
            } else {
                return .rejected(.malformed("inside the tunnel to \(tunnel.authority) the request target \"\(head.uri)\" "
                    + "must be a path (origin-form, e.g. /index.html)."))
            }
        } else {
            guard !head.uri.hasPrefix("/"), head.uri != "*" else {
                return .rejected(.notAProxyRequest(target: head.uri, proxyAddress: proxyAddress))
            }
            guard let url = URLComponents(string: head.uri), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else {
                return .rejected(.malformed("the request target \"\(head.uri)\" is not an absolute http:// or https:// URL."))
            }
            let port = url.port ?? (scheme == "https" ? 443 : 80)
            if port == proxyPort, selfHosts.contains(host.lowercased()) {
                return .rejected(.loop(url: head.uri, proxyAddress: proxyAddress))
            }
            target = head.uri
        }

        let hopByHop = Self.hopByHopNames.union(
            head.headers["connection"].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        var pairs: [(name: String, value: String)] = []
        for (name, value) in head.headers where !hopByHop.contains(name.lowercased()) {
            pairs.append((name, value))
        }
        guard let fields = HTTPFields(wirePairs: pairs) else {
            return .rejected(.malformed("a header field name is not a valid token."))
        }
        let version = TapeCore.HTTPVersion(major: head.version.major, minor: head.version.minor)
        return .accepted(RequestHead(method: head.method.rawValue, url: target, version: version, headerFields: fields))
    }

    /// The tunnel a `CONNECT` asks for, or why it is refused.
    private func validateConnect(_ target: String) -> Outcome {
        if let tunnel {
            return .rejected(.malformed("CONNECT \(target) arrived inside the tunnel to \(tunnel.authority); "
                + "tunnels do not nest. Send requests for \(tunnel.urlPrefix) as paths."))
        }
        guard let origin = TunnelOrigin(connectTarget: target) else {
            return .rejected(.malformed("the CONNECT target \"\(target)\" is not host:port (authority-form, "
                + "e.g. CONNECT api.example.test:443)."))
        }
        if origin.port == proxyPort, selfHosts.contains(origin.host) || selfHosts.contains("[\(origin.host)]") {
            return .rejected(.loop(url: "CONNECT \(target)", proxyAddress: proxyAddress))
        }
        guard interceptsTLS else {
            return .rejected(.notImplemented("CONNECT \(target): this proxy was started without a certificate "
                + "authority, so it cannot intercept HTTPS. Start it with one (xhrtape record/replay do; see "
                + "`xhrtape ca init`), or use http:// URLs."))
        }
        return .connect(origin)
    }

    /// The answer for a request the HTTP parser rejected.
    func answer(for error: HTTPParserError) -> ProxyAnswer {
        switch error {
        case .headerOverflow: .headTooLarge(limit: maxHeadBytes)
        case .unexpectedContentLength: .ambiguousFraming()
        case .invalidContentLength: .malformed("the Content-Length is not a valid length.")
        case .invalidMethod: .malformed("the method is not a valid token.")
        case .invalidURL: .malformed("the request target is not a valid URL.")
        case .invalidVersion: .malformed("the HTTP version is not HTTP/1.0 or HTTP/1.1.")
        case .invalidHeaderToken: .malformed("a header field name or value has characters HTTP does not allow.")
        case .invalidChunkSize: .malformed("a chunk size of the chunked body is not valid.")
        case .lfExpected, .strictModeAssertion:
            .malformed("the request line or a header line is not terminated by CRLF.")
        default: .malformed("the HTTP parser rejected it (\(error)).")
        }
    }
}
