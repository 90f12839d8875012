public import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import TapeCore
import TapeTLS

/// A scripted HTTP/1.1 server on loopback for tests, benchmarks and the demo: every
/// behaviour an XHR can meet, chosen by path and query.
///
/// ```swift
/// let server = try await ScenarioServer.start()
/// // curl "\(server.url("/trickle?chunks=5&size=100&interval=50"))"
/// try await server.shutdown()
/// ```
///
/// ## Scenarios
///
/// Every route takes `delay=MS` (wait before the response head). Routes with a body
/// also take: `type=MIME`, `nosniff=1`, `framing=length|chunked|close`,
/// `body-delay=MS` (between head and first byte), `chunks=K&interval=MS` (split the
/// body into K pieces, piece i at body start + i × MS), `reset-after=N` (RST after N
/// body bytes), `close-after=N` (FIN after N body bytes). HEAD works on every route
/// and sends the head GET would send. Unknown paths, unknown parameters and bad
/// values get 400 with a body naming the parameter.
///
/// | path | parameters | behaviour |
/// |---|---|---|
/// | `/` | | this list, as text |
/// | `/bytes` | `n` (1024; `k`/`m`/`g` suffixes, up to 64g) | n bytes of ``BodyPattern``, streamed with backpressure, never buffered |
/// | `/trickle` | `chunks` (5), `size` (100), `interval` (100 ms) | `chunks` pieces of `size` bytes, one every `interval` |
/// | `/status` | `code` (200–999), `reason` (standard phrase; empty allowed), `n` | that status line; body "status C" or n pattern bytes; none for 204 and 304 |
/// | `/redirect` | `code` (302), `to` (`/bytes?n=16`), `chain` (1), `loop` | a 3xx with `Location`; `chain=K` hops through K redirects; `loop=1` redirects to itself |
/// | `/encoded` | `coding` (`gzip`, `deflate`, `br`), `n` (4096) | n pattern bytes, content-encoded (chunks split the encoded bytes) |
/// | `/charset` | `charset` (`utf-8`, `utf-16le`, `shift_jis`, `windows-1252`), `declare` (`header`, `xml`, `both`, `none`), `format` (`text`, `xml`), `bom` | ``CharsetSample`` text in that encoding, declared where asked |
/// | `/headers` | | duplicate `X-Dup`, two `Set-Cookie`, `Set-Cookie2`, a mixed-case name, an empty value |
/// | `/echo` | | the request as JSON: method, target, version, headers in order and case, body (16 MiB at most, else 413) |
/// | `/upload-sink` | `rate` (bytes/s, 1 MiB) | reads the body no faster than `rate`; answers `{"bytes":…,"fnv1a64":…,"millis":…}` |
/// | `/close-before-headers` | `mode` (`fin`, `rst`) | closes the connection without a response |
/// | `/hang` | `ms` (30000, at most 120000) | sends nothing and closes after `ms` |
///
/// Malformed requests get 400 (431 for oversized heads) and the connection closes;
/// the server keeps serving other connections.
///
/// With TLS enabled (the default) a second listener serves the same routes over
/// HTTPS with a leaf certificate for `127.0.0.1` and `localhost`, issued by a
/// certificate authority generated at start: ``certificateAuthorityPEM``.
public final class ScenarioServer: Sendable {
    /// Where and how to listen.
    public struct Configuration: Sendable {
        /// A loopback address: `127.0.0.1` (default), another `127.x.y.z`, `::1` or `localhost`.
        public var host: String
        /// The plain HTTP port; 0 picks a free one.
        public var port: Int
        /// The HTTPS port (0 picks a free one), or nil for no TLS listener.
        public var tlsPort: Int?

        /// Creates a configuration.
        public init(host: String = "127.0.0.1", port: Int = 0, tlsPort: Int? = 0) {
            self.host = host
            self.port = port
            self.tlsPort = tlsPort
        }
    }

    /// The port plain HTTP listens on.
    public let port: Int
    /// The port HTTPS listens on, if TLS is enabled.
    public let tlsPort: Int?
    /// The PEM of the test certificate authority that signed the HTTPS certificate.
    public let certificateAuthorityPEM: String?
    /// The host the server listens on.
    public let host: String

    private let group: MultiThreadedEventLoopGroup
    private let channels: [any Channel]

    private init(host: String, port: Int, tlsPort: Int?, certificateAuthorityPEM: String?, group: MultiThreadedEventLoopGroup, channels: [any Channel]) {
        self.host = host
        self.port = port
        self.tlsPort = tlsPort
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.group = group
        self.channels = channels
    }

    /// `http://HOST:PORT` followed by `pathAndQuery`.
    public func url(_ pathAndQuery: String = "/") -> String {
        "http://\(authority(port))\(pathAndQuery)"
    }

    /// `https://HOST:TLSPORT` followed by `pathAndQuery`, or nil without TLS.
    public func tlsURL(_ pathAndQuery: String = "/") -> String? {
        tlsPort.map { "https://\(authority($0))\(pathAndQuery)" }
    }

    private func authority(_ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Starts listening.
    ///
    /// - Throws: ``ScenarioServerError`` when the host is not loopback, a port cannot be
    ///   bound, or the TLS certificate cannot be made.
    public static func start(_ configuration: Configuration = Configuration(), logger: Logger = Logger(label: "xhrtape.scenarios")) async throws -> ScenarioServer {
        guard LoopbackHost.contains(configuration.host) else {
            throw ScenarioServerError(code: .notLoopback, message: "The scenario server listens on loopback only; '\(configuration.host)' is not a loopback address. Use 127.0.0.1 or ::1.")
        }
        var tls: (context: NIOSSLContext, caPEM: String)?
        if configuration.tlsPort != nil {
            do {
                let authority = try CertificateAuthority.generate(commonName: "xhrtape scenario test CA")
                let leaf = try authority.issueLeaf(for: ["127.0.0.1", "localhost", "::1"])
                var tlsConfiguration = TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(leaf.chainPEM.utf8)).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(leaf.privateKeyPEM.utf8), format: .pem)))
                tlsConfiguration.applicationProtocols = ["http/1.1"]
                tls = (try NIOSSLContext(configuration: tlsConfiguration), authority.certificatePEM)
            } catch {
                throw ScenarioServerError(code: .tlsSetupFailed, message: "Could not create the scenario server's test certificate: \(error)", cause: error)
            }
        }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let plain = try await bind(configuration.host, configuration.port, tls: nil, group: group, logger: logger)
            var channels = [plain]
            var tlsPort: Int?
            if let tls, let requested = configuration.tlsPort {
                let secure = try await bind(configuration.host, requested, tls: tls.context, group: group, logger: logger)
                channels.append(secure)
                tlsPort = secure.localAddress?.port
            }
            return ScenarioServer(host: configuration.host, port: plain.localAddress?.port ?? configuration.port, tlsPort: tlsPort,
                                  certificateAuthorityPEM: tls?.caPEM, group: group, channels: channels)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops listening, closes every connection and frees the server's thread.
    public func shutdown() async throws {
        for channel in channels {
            try? await channel.close()
        }
        try await group.shutdownGracefully()
    }

    private static func bind(_ host: String, _ port: Int, tls: NIOSSLContext?, group: MultiThreadedEventLoopGroup, logger: Logger) async throws -> any Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try pipeline.addHandler(ScenarioHandler(logger: logger))
                }
            }
        do {
            return try await bootstrap.bind(host: host == "localhost" ? "127.0.0.1" : host, port: port).get()
        } catch {
            throw ScenarioServerError(code: .bindFailed, message: "Could not listen on \(host):\(port): \(error). Pick another port, or 0 for any free one.", cause: error)
        }
    }
}
