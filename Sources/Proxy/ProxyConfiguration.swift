public import CurlTransport
public import TapeTLS
import NIOCore

/// Where the proxy listens, what it does and the limits it enforces.
public struct ProxyConfiguration: Sendable {
    /// The address to bind. Loopback (`127.0.0.1`, the default) unless the caller
    /// explicitly chooses otherwise.
    public var host: String
    /// The port to bind; 0 picks a free one (read it from ``ProxyServer/port``).
    public var port: Int
    /// Record, replay or passthrough.
    public var mode: ProxyMode
    /// The largest request head (request line and header fields) accepted; larger gets 431.
    public var maxRequestHeadBytes: Int
    /// The largest request body accepted; larger gets 413. Request bodies are held in
    /// memory until the request ends, because the cassette matches and stores them whole.
    public var maxRequestBodyBytes: Int
    /// How libcurl reaches upstream in record and passthrough modes. Its `demand` is
    /// replaced by explicit acknowledgement: body bytes count as consumed once written
    /// to the client, so a slow client slows the upstream transfer (bounded memory).
    public var upstream: CurlTransport.Configuration
    /// The most response body bytes read from upstream and not yet written to the client.
    public var maxBufferedResponseBytes: Int
    /// The local CA that signs the leaf certificates presented inside `CONNECT` tunnels
    /// (HTTPS interception); nil answers `CONNECT` with 501. Clients must trust it.
    public var certificateAuthority: CertificateAuthority?
    /// Which requests are the cassette's, by host: a recording proxy forwards the rest
    /// upstream without recording them, a replaying one answers them 598 (``HostFilter``).
    /// Passthrough ignores it. Includes every host by default.
    public var hostFilter = HostFilter()
    /// How many NIO event loops serve client connections: by default one per core but one
    /// (at least one), since the transport thread, libcurl's driver and the cassette's writer
    /// need a core of their own. On 2 cores one loop served 20 % more replayed 1 KiB
    /// responses per second than two, and recorded 7 % more.
    public var eventLoopCount: Int = ProxyConfiguration.defaultEventLoopCount

    /// One event loop per core but one, and at least one.
    public static var defaultEventLoopCount: Int { max(1, System.coreCount - 1) }

    /// libcurl as the proxy uses it by default: a 512 KiB receive buffer, so a fast upstream's
    /// body arrives in reads of up to 512 KiB (a slow one's in what each read finds, as before).
    /// Fewer, larger chunks cost less per byte to relay and record: a 1 GiB recording ran at
    /// 226 MB/s with 64 KiB reads and 293 MB/s with 512 KiB ones, with no change for small bodies.
    ///
    /// It also keeps up to 256 idle upstream connections. libcurl's default cache holds four per
    /// transfer in flight, and that number drops each time an exchange ends. Under 16 keep-alive
    /// clients the proxy then closed and reopened about one upstream connection every 20 requests
    /// (3,600 in 6 s, left in TIME_WAIT). With 256 it reopened none.
    public static var defaultUpstream: CurlTransport.Configuration {
        var configuration = CurlTransport.Configuration()
        configuration.receiveBufferSize = 512 << 10
        configuration.maxCachedConnections = 256
        return configuration
    }

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 0, mode: ProxyMode, maxRequestHeadBytes: Int = 64 << 10,
                maxRequestBodyBytes: Int = 64 << 20, upstream: CurlTransport.Configuration = ProxyConfiguration.defaultUpstream,
                maxBufferedResponseBytes: Int = 1 << 20, certificateAuthority: CertificateAuthority? = nil) {
        self.certificateAuthority = certificateAuthority
        self.host = host
        self.port = port
        self.mode = mode
        self.maxRequestHeadBytes = maxRequestHeadBytes
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.upstream = upstream
        self.maxBufferedResponseBytes = maxBufferedResponseBytes
    }

    /// Checks the ranges.
    func validate() throws(ProxyError) {
        guard (0...65_535).contains(port) else {
            throw ProxyError(code: .invalidConfiguration, message: "The proxy port must be from 0 to 65535 (0 picks a free one); got \(port).")
        }
        guard maxRequestHeadBytes >= 1024 else {
            throw ProxyError(code: .invalidConfiguration, message: "maxRequestHeadBytes must be at least 1024; got \(maxRequestHeadBytes).")
        }
        guard eventLoopCount >= 1 else {
            throw ProxyError(code: .invalidConfiguration, message: "eventLoopCount must be at least 1; got \(eventLoopCount).")
        }
        guard maxRequestBodyBytes >= 0, maxBufferedResponseBytes > 0 else {
            throw ProxyError(code: .invalidConfiguration,
                             message: "maxRequestBodyBytes must not be negative and maxBufferedResponseBytes must be positive; got \(maxRequestBodyBytes) and \(maxBufferedResponseBytes).")
        }
    }
}
