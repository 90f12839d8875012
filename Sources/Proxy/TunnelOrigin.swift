/// The server a `CONNECT` tunnel leads to: requests inside the tunnel are origin-form
/// (`GET /path`) and become exchanges for `https://host:port/path`.
struct TunnelOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The host as the client named it, lowercased, without brackets (`api.example.test`, `127.0.0.1`, `::1`).
    var host: String
    /// The port, 1 to 65535.
    var port: Int

    /// The authority, `host:port`, with brackets around an IPv6 literal.
    var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `https://host:port`, without the port when it is 443 (as a browser writes the URL).
    var urlPrefix: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 443 ? "https://\(name)" : "https://\(name):\(port)"
    }

    var description: String { authority }

    /// Parses a `CONNECT` request target, which must be authority-form `host:port`
    /// (RFC 9110 §9.3.6); nil when it is not.
    init?(connectTarget target: String) {
        let host: Substring
        let portText: Substring
        if target.hasPrefix("[") {
            guard let close = target.firstIndex(of: "]"),
                  target[target.index(after: close)...].hasPrefix(":") else { return nil }
            host = target[target.index(after: target.startIndex)..<close]
            portText = target[target.index(close, offsetBy: 2)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            guard let colon = target.lastIndex(of: ":") else { return nil }
            host = target[..<colon]
            portText = target[target.index(after: colon)...]
            let allowed = host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") }
            guard allowed, !host.hasPrefix("."), !host.hasPrefix("-") else { return nil }
        }
        guard !host.isEmpty, !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII),
              let port = Int(portText), (1...65_535).contains(port)
        else { return nil }
        self.host = host.lowercased()
        self.port = port
    }
}
