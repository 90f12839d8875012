public import Logging
import NIOCore
import Synchronization
import NIOHTTP1
import NIOPosix

/// xhrtape's forward proxy: HTTP/1.1 clients send absolute-form requests
/// (`GET http://host:port/path HTTP/1.1`), or `CONNECT host:port` and then origin-form
/// requests inside TLS terminated with a leaf certificate from the configured
/// ``ProxyConfiguration/certificateAuthority`` (recorded as `https://host:port/path`),
/// and get the response from upstream
/// (recorded into a cassette, or passed through) or from a cassette, streamed as it
/// arrives, with recorded chunk timing on replay.
///
/// ```swift
/// let cassette = try Cassette(path: "api.sqlite")
/// let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .record(cassette: cassette)))
/// // curl -x http://127.0.0.1:\(proxy.port) http://127.0.0.1:8080/users
/// await proxy.shutdown()
/// try cassette.close()
/// ```
///
/// Threads: NIO event loops (``ProxyConfiguration/eventLoopCount``) read and write client
/// connections and never block; one transport thread runs the exchanges (libcurl's events
/// arrive there from its driver thread, replayed timelines play there) and hands their
/// events to each connection's event loop; a recording commits on the cassette's writer thread.
///
/// Bad input gets an answer of the proxy's own and never disturbs other connections:
/// a head over ``ProxyConfiguration/maxRequestHeadBytes`` gets 431, a malformed request
/// 400 with the reason, both `Content-Length` and `Transfer-Encoding` 400, a request
/// addressed to the proxy itself 400 saying how to use it, a WebSocket upgrade 501. A replay miss
/// gets 598 with `X-Xhrtape-Miss: 1` and a body naming the closest recording.
public final class ProxyServer: Sendable {
    /// The address listened on.
    public let host: String
    /// The port listened on (the chosen one when the configuration asked for 0).
    public let port: Int

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let thread: TransportThread
    private let dispatcher: TransportBound<UpstreamDispatcher>
    private let isShutDown = Atomic<Bool>(false)
    private let counters: ProxyCounters

    private init(host: String, port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel,
                 thread: TransportThread, dispatcher: TransportBound<UpstreamDispatcher>, counters: ProxyCounters) {
        self.counters = counters
        self.host = host
        self.port = port
        self.group = group
        self.channel = channel
        self.thread = thread
        self.dispatcher = dispatcher
    }

    /// `http://host:port`, the value for `curl -x` or `http_proxy`.
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// Starts a proxy.
    ///
    /// - Parameters:
    ///   - configuration: where to listen, the mode and the limits.
    ///   - logger: receives one line per exchange and the errors.
    /// - Returns: the running proxy; call ``shutdown()`` when done.
    /// - Throws: ``ProxyError`` with code ``ProxyError/Code/invalidConfiguration``,
    ///   ``ProxyError/Code/transportUnavailable``, ``ProxyError/Code/cassetteUnusable`` or
    ///   ``ProxyError/Code/bindFailed``.
    public static func start(_ configuration: ProxyConfiguration,
                             logger: Logger = Logger(label: "xhrtape.proxy")) async throws(ProxyError) -> ProxyServer {
        try configuration.validate()
        let thread = TransportThread()
        let counters = ProxyCounters()
        typealias Made = (dispatcher: TransportBound<UpstreamDispatcher>, uploads: UploadStreaming)
        let made: Result<Made, ProxyError> = await withCheckedContinuation { continuation in
            thread.execute {
                do throws(ProxyError) {
                    let dispatcher = try UpstreamDispatcher(configuration: configuration, thread: thread, counters: counters, logger: logger)
                    let uploads = UploadStreaming(policy: dispatcher.uploadStreamingPolicy, recorded: dispatcher.uploadRecordingPolicy,
                                                  highWaterBytes: configuration.maxBufferedResponseBytes)
                    continuation.resume(returning: .success((TransportBound(dispatcher, thread: thread), uploads)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        let dispatcher: TransportBound<UpstreamDispatcher>
        let uploads: UploadStreaming
        switch made {
        case .success(let made): (dispatcher, uploads) = made
        case .failure(let error):
            await thread.stop()
            throw error
        }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopCount)
        let port = ProxyPortBox()
        let pipeline = ProxyPipeline(
            configuration: configuration, connections: ConnectionIDSource(), port: port, dispatcher: dispatcher, thread: thread,
            leaves: configuration.certificateAuthority.map(LeafCertificateCache.init(authority:)), counters: counters,
            mailboxes: SignalMailboxes(group: group), uploads: uploads, logger: logger)
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try pipeline.install(on: channel, tunnel: nil) }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            try? await group.shutdownGracefully()
            await thread.stop()
            throw ProxyError(code: .bindFailed,
                             message: "The proxy could not listen on \(configuration.host):\(configuration.port): \(error). "
                                 + "Choose another port (0 picks a free one) or stop the process using it.",
                             cause: error)
        }
        let boundPort = channel.localAddress?.port ?? configuration.port
        port.set(boundPort)
        logger.info("proxy listening", metadata: ["url": "http://\(configuration.host):\(boundPort)"])
        return ProxyServer(host: configuration.host, port: boundPort, group: group, channel: channel,
                           thread: thread, dispatcher: dispatcher, counters: counters)
    }

    /// What the proxy has done so far: exchanges recorded, replayed, passed through,
    /// misses, failures, client aborts, rejections and exchanges in flight.
    public var statistics: ProxyStatistics { counters.snapshot }

    /// Stops accepting connections, then waits until no exchange is in flight or
    /// `deadline` passes, whichever is first. Connections already open stay open (call
    /// ``shutdown()`` next).
    ///
    /// - Parameter deadline: the longest wait.
    /// - Returns: true when every exchange finished in time.
    @discardableResult
    public func drain(deadline: Duration) async -> Bool {
        try? await channel.close()
        let clock = ContinuousClock()
        let giveUp = clock.now.advanced(by: deadline)
        while counters.snapshot.inFlight > 0 {
            guard clock.now < giveUp else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Stops accepting, closes every connection, stops libcurl and the transport thread.
    /// An exchange still in flight is cut off where it stands: recorded (when recording)
    /// as failed with `clientGaveUp` ("cut off: the proxy stopped …") and counted in
    /// ``ProxyStatistics/cutOffAtStop``. The cassette stays open: close it afterwards.
    /// Idempotent.
    public func shutdown() async {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        counters.beginStopping()
        try? await channel.close()
        try? await group.shutdownGracefully()
        let dispatcher = dispatcher
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            thread.execute {
                dispatcher.value.shutdown()
                continuation.resume()
            }
        }
        await thread.stop()
    }
}
