import Foundation
import Glibc

/// One host pattern of a ``HostFilter``, as given to `--only-host` or `--ignore-host`.
///
/// The forms, each optionally followed by `:port` (then the port must match too):
/// - `example.test` (or `.example.test`) — that host and every host under it
///   (`api.example.test`), as curl's `NO_PROXY` reads a domain;
/// - `*.example.test` — only the hosts under it, not `example.test` itself;
/// - `127.0.0.1`, `::1` or `[::1]` — that address;
/// - `*` — every host (with a port: every host on that port).
///
/// Hosts compare without case; a trailing dot is ignored.
public struct HostPattern: Sendable, Hashable, CustomStringConvertible {
    private enum Host: Hashable {
        /// Every host.
        case any
        /// This name and the names under it.
        case domain(String)
        /// Only the names under this one.
        case subdomains(String)
        /// This IP address, exactly.
        case address(String)
    }

    private let host: Host
    private let port: Int?
    /// The pattern as given.
    public let description: String

    /// Parses `text`.
    ///
    /// - Throws: ``ProxyError`` (``ProxyError/Code/invalidConfiguration``) saying what is wrong
    ///   with it: a URL instead of a host, an empty label, a character a host cannot have, a port
    ///   out of range.
    public init(_ text: String) throws(ProxyError) {
        func invalid(_ why: String) -> ProxyError {
            ProxyError(code: .invalidConfiguration, message: "The host pattern \"\(text)\" \(why). "
                + "Give a host (api.example.test), a domain's hosts (*.example.test), an address (127.0.0.1, [::1]) or *, "
                + "optionally with :port.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw invalid("is empty") }
        guard !trimmed.contains("://"), !trimmed.contains("/") else { throw invalid("is a URL, not a host") }

        var hostText = Substring(trimmed)
        var port: Int?
        if hostText.hasPrefix("[") {
            guard let close = hostText.firstIndex(of: "]") else { throw invalid("opens [ without closing it") }
            let rest = hostText[hostText.index(after: close)...]
            hostText = hostText[hostText.index(after: hostText.startIndex)..<close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw invalid("has \"\(rest)\" after the address") }
                port = try Self.port(rest.dropFirst(), or: invalid)
            }
            guard hostText.contains(":"), Self.isIPv6(hostText) else { throw invalid("has no IPv6 address inside [ ]") }
        } else if hostText.filter({ $0 == ":" }).count == 1, let colon = hostText.lastIndex(of: ":") {
            port = try Self.port(hostText[hostText.index(after: colon)...], or: invalid)
            hostText = hostText[..<colon]
        }
        let name = Self.canonicalHost(String(hostText))
        guard !name.isEmpty else { throw invalid("has no host") }

        if name == "*" {
            host = .any
        } else if name.contains(":") {
            guard Self.isIPv6(Substring(name)) else { throw invalid("is not an IPv6 address (put a port after [address]:)") }
            host = .address(name)
        } else if Self.isIPv4(name) {
            host = .address(name)
        } else {
            let isSubdomains = name.hasPrefix("*.")
            // `.example.test` reads as `example.test`, as curl's NO_PROXY reads it.
            let domain = isSubdomains ? String(name.dropFirst(2)) : name.hasPrefix(".") ? String(name.dropFirst()) : name
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.allSatisfy({ !$0.isEmpty }) else { throw invalid("has an empty label") }
            let allowed = domain.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_")
            }
            guard allowed else {
                throw invalid(domain.contains("*") ? "has * other than as its first label" : "has a character a host name cannot have")
            }
            host = isSubdomains ? .subdomains(domain) : .domain(domain)
        }
        self.port = port
        description = trimmed
    }

    /// Whether the pattern matches `host` (already ``canonicalHost(_:)``) on `port`.
    func matches(canonicalHost host: String, port: Int) -> Bool {
        if let expected = self.port, expected != port { return false }
        switch self.host {
        case .any: return true
        case .address(let address): return host == address
        case .domain(let domain): return host == domain || Self.isUnder(host, domain)
        case .subdomains(let domain): return Self.isUnder(host, domain)
        }
    }

    /// `host` lowercased, without IPv6 brackets or a trailing dot; an IPv6 address in its
    /// shortest form (`0:0:0:0:0:0:0:1` is `::1`).
    static func canonicalHost(_ host: String) -> String {
        var name = Substring(host.lowercased())
        if name.hasPrefix("["), name.hasSuffix("]") { name = name.dropFirst().dropLast() }
        if name.hasSuffix("."), name.count > 1 { name = name.dropLast() }
        guard name.contains(":") else { return String(name) }
        var address = in6_addr()
        guard inet_pton(AF_INET6, String(name), &address) == 1 else { return String(name) }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else { return String(name) }
        let length = text.firstIndex(of: 0) ?? text.count
        return String(decoding: text[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isUnder(_ host: String, _ domain: String) -> Bool {
        host.count > domain.count + 1 && host.hasSuffix(domain) && host.dropLast(domain.count).hasSuffix(".")
    }

    private static func port(_ text: Substring, or invalid: (String) -> ProxyError) throws(ProxyError) -> Int {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(text), (1...65_535).contains(port)
        else { throw invalid("has port \"\(text)\", which is not from 1 to 65535") }
        return port
    }

    private static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part).map { $0 <= 255 } ?? false)
        }
    }

    private static func isIPv6(_ name: Substring) -> Bool {
        var address = in6_addr()
        return name.contains(":") && inet_pton(AF_INET6, String(name), &address) == 1
    }
}
