import Foundation

/// Which requests a recording or replaying proxy treats as the cassette's, by the host (and
/// port) of their URL: `--only-host` and `--ignore-host`.
///
/// A request is *included* when no ``only`` pattern is given or one of them matches, and no
/// ``ignored`` pattern matches (ignoring wins). What happens to the rest depends on the mode:
/// a recording proxy forwards them upstream and records nothing (as vcrpy's `ignore_hosts`), a
/// replaying proxy answers them 598 with `X-Xhrtape-Excluded: 1` without looking in the
/// cassette (it never contacts upstream) and does not count them as misses. Inside a `CONNECT`
/// tunnel the request URL is `https://host:port/…`, so tunnelled requests are filtered the same
/// way; the tunnel itself is still intercepted.
///
/// Typical use: recording a browser, whose update and sync requests would otherwise land in the
/// cassette (`--only-host app.example.test`).
public struct HostFilter: Sendable, Hashable, CustomStringConvertible {
    /// Requests to hosts matching none of these are excluded; empty includes every host.
    public var only: [HostPattern]
    /// Requests to hosts matching any of these are excluded.
    public var ignored: [HostPattern]

    /// Creates a filter; with no patterns it includes everything.
    public init(only: [HostPattern] = [], ignored: [HostPattern] = []) {
        self.only = only
        self.ignored = ignored
    }

    /// True when the filter includes every request.
    public var includesEverything: Bool { only.isEmpty && ignored.isEmpty }

    /// Whether a request to `host` on `port` is included. `host` as in a URL, brackets
    /// around an IPv6 literal optional; compared without case.
    public func includes(host: String, port: Int) -> Bool {
        if includesEverything { return true }
        let name = HostPattern.canonicalHost(host)
        if !only.isEmpty, !only.contains(where: { $0.matches(canonicalHost: name, port: port) }) { return false }
        return !ignored.contains { $0.matches(canonicalHost: name, port: port) }
    }

    /// Whether a request for the absolute `url` (`http://host[:port]/…` or `https://…`) is
    /// included. A URL without a host is included: the filter names hosts, and the proxy
    /// rejects such URLs before they get here.
    public func includes(url: String) -> Bool {
        if includesEverything { return true }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return true }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return includes(host: host, port: port)
    }

    public var description: String {
        if includesEverything { return "every host" }
        var parts: [String] = []
        if !only.isEmpty { parts.append("only " + only.map(\.description).joined(separator: ", ")) }
        if !ignored.isEmpty { parts.append("ignoring " + ignored.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
