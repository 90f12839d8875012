/// How a ``CurlTransport`` reaches servers: directly, or through an HTTP proxy.
public enum UpstreamProxy: Sendable, Hashable {
    /// Connect directly and ignore `http_proxy`, `https_proxy`, `all_proxy` and
    /// `no_proxy` (`CURLOPT_PROXY ""`, `CURLOPT_NOPROXY "*"`). The default: a recording
    /// must not depend on the shell it was started from.
    case direct
    /// Let libcurl read the proxy environment variables, as the `curl` command does.
    case environment
    /// Send every request through the proxy at `url` (`http://host:port`, credentials
    /// allowed), except to the hosts in `bypass` (`CURLOPT_NOPROXY`; a leading dot
    /// matches subdomains, `*` bypasses everything). HTTPS goes through `CONNECT`.
    case url(String, bypass: [String] = UpstreamProxy.loopbackHosts)

    /// `localhost`, `127.0.0.1` and `::1`: loopback never goes through a proxy by default.
    public static let loopbackHosts = ["localhost", "127.0.0.1", "::1"]
}
