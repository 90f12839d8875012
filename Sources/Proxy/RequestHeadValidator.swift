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

    /// What ``validate(_:)`` decided.
    enum Outcome {
        /// Forward the request with this head.
        case accepted(RequestHead)
        /// Refuse the request with this answer.
        case rejected(ProxyAnswer)
    }

    /// Header fields that describe the client-to-proxy hop, never forwarded
    /// (RFC 9110 §7.6.1, plus the de-facto `Proxy-Connection`).
    static let hopByHopNames: Set<String> = [
        "connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "trailer", "upgrade",
    ]

    init(proxyHost: String, proxyPort: Int, maxHeadBytes: Int) {
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

        if head.method == .CONNECT {
            return .rejected(.notImplemented("CONNECT \(head.uri): HTTPS through the proxy (TLS interception) is not "
                + "supported by this version; use http:// URLs, or absolute-form https:// URLs without CONNECT."))
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
        return .accepted(RequestHead(method: head.method.rawValue, url: head.uri, version: version, headerFields: fields))
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
