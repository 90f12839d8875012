extension CurlTransport {
    /// Settings shared by every exchange of a ``CurlTransport``.
    public struct Configuration: Sendable, Hashable {
        /// Direct (the default, ignoring proxy environment variables) or through a proxy.
        public var proxy: UpstreamProxy
        /// Which certificates HTTPS accepts; verification is on unless explicitly opted out.
        public var tls: TLSTrust
        /// Longest wait for the connection, TLS included (`CURLOPT_CONNECTTIMEOUT_MS`);
        /// nil for libcurl's default of 300 s. Expiry fails with `timedOut`.
        public var connectTimeout: Duration?
        /// Longest a whole exchange may take (`CURLOPT_TIMEOUT_MS`), time paused by
        /// backpressure included; nil for no limit. Expiry fails with `timedOut`.
        public var totalTimeout: Duration?
        /// The backpressure policy of exchanges started without one.
        public var demand: ResponseBodyDemand
        /// libcurl's receive buffer (`CURLOPT_BUFFERSIZE`), 1 KiB to 512 KiB: the most one
        /// socket read takes. libcurl hands a read to the write callback in pieces of at
        /// most 16 KiB; the pieces handed over in one turn of the driver thread (one read, or
        /// reads of bytes that were all there at once) are joined into one body chunk event.
        public var receiveBufferSize: Int
        /// Most connections to one host (`CURLMOPT_MAX_HOST_CONNECTIONS`); 0 for no limit,
        /// the default, so a proxy never queues a client's request behind another's.
        public var maxConnectionsPerHost: Int
        /// Size of the idle-connection cache (`CURLMOPT_MAXCONNECTS`); nil for libcurl's
        /// default (four per transfer in flight).
        public var maxCachedConnections: Int?

        /// Creates a configuration.
        public init(proxy: UpstreamProxy = .direct, tls: TLSTrust = .system, connectTimeout: Duration? = .seconds(30),
                    totalTimeout: Duration? = nil, demand: ResponseBodyDemand = .automatic, receiveBufferSize: Int = 64 << 10,
                    maxConnectionsPerHost: Int = 0, maxCachedConnections: Int? = nil) {
            self.proxy = proxy
            self.tls = tls
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.demand = demand
            self.receiveBufferSize = receiveBufferSize
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.maxCachedConnections = maxCachedConnections
        }

        /// Checks the ranges libcurl accepts.
        func validate() throws(CurlTransportError) {
            guard (1 << 10...512 << 10).contains(receiveBufferSize) else {
                throw CurlTransportError(code: .invalidConfiguration, message: "receiveBufferSize must be from 1024 to 524288 bytes; got \(receiveBufferSize).")
            }
            guard demand.maxBufferedBytes > 0 else {
                throw CurlTransportError(code: .invalidConfiguration, message: "demand.maxBufferedBytes must be positive; got \(demand.maxBufferedBytes). Use Int.max for no backpressure.")
            }
            guard maxConnectionsPerHost >= 0, (maxCachedConnections ?? 0) >= 0 else {
                throw CurlTransportError(code: .invalidConfiguration, message: "maxConnectionsPerHost and maxCachedConnections must not be negative.")
            }
            for (name, timeout) in [("connectTimeout", connectTimeout), ("totalTimeout", totalTimeout)] {
                if let timeout, timeout <= .zero {
                    throw CurlTransportError(code: .invalidConfiguration, message: "\(name) must be positive, or nil for none; got \(timeout).")
                }
            }
        }
    }
}
