public import TapeCore

/// What libcurl measured about one transfer, kept alongside its timeline.
///
/// libcurl's phase times (`CURLINFO_*_TIME_T`) count microseconds from the moment the
/// driver thread handed the transfer to libcurl, and each includes the phases before
/// it: ``connectMicros`` includes ``nameLookupMicros``, and so on. Add ``queuedMicros``
/// to any of them for an offset on the exchange's timeline, which starts at
/// ``CurlTransport/start(_:bodySource:demand:delegate:)``. A phase that did not happen
/// (no TLS, a reused connection) is 0.
public struct CurlTransferMetrics: Sendable, Hashable {
    /// From the `start` call until libcurl began the transfer.
    public var queuedMicros: Int64
    /// Until the host name was resolved (`CURLINFO_NAMELOOKUP_TIME_T`).
    public var nameLookupMicros: Int64
    /// Until the TCP connection was up (`CURLINFO_CONNECT_TIME_T`).
    public var connectMicros: Int64
    /// Until the TLS handshake finished (`CURLINFO_APPCONNECT_TIME_T`); 0 for plain HTTP.
    public var tlsHandshakeMicros: Int64
    /// Until the request was about to be sent (`CURLINFO_PRETRANSFER_TIME_T`).
    public var preTransferMicros: Int64
    /// Until the first response byte (`CURLINFO_STARTTRANSFER_TIME_T`).
    public var firstByteMicros: Int64
    /// Until the transfer ended (`CURLINFO_TOTAL_TIME_T`).
    public var totalMicros: Int64
    /// Connections libcurl opened for this transfer (`CURLINFO_NUM_CONNECTS`); 0 when it
    /// reused one.
    public var newConnectionCount: Int
    /// The server's IP address (`CURLINFO_PRIMARY_IP`), if a connection was made.
    public var remoteAddress: String?
    /// The server's port (`CURLINFO_PRIMARY_PORT`), if a connection was made.
    public var remotePort: Int?
    /// The local port of the connection (`CURLINFO_LOCAL_PORT`), if one was made.
    public var localPort: Int?
    /// Request body bytes written, as libcurl counts them (`CURLINFO_SIZE_UPLOAD_T`;
    /// includes chunk framing for a chunked body).
    public var uploadedBytes: Int64
    /// Response body bytes received (`CURLINFO_SIZE_DOWNLOAD_T`).
    public var downloadedBytes: Int64
    /// The HTTP version used (`CURLINFO_HTTP_VERSION`), if a response started.
    public var httpVersion: HTTPVersion?
    /// Response-body backpressure over the whole transfer.
    public var backpressure: BackpressureStatus

    /// True when the transfer ran on a connection an earlier transfer opened.
    public var reusedConnection: Bool { newConnectionCount == 0 && remoteAddress != nil }

    /// Creates metrics; every value defaults to zero or nil.
    public init(queuedMicros: Int64 = 0, nameLookupMicros: Int64 = 0, connectMicros: Int64 = 0, tlsHandshakeMicros: Int64 = 0,
                preTransferMicros: Int64 = 0, firstByteMicros: Int64 = 0, totalMicros: Int64 = 0, newConnectionCount: Int = 0,
                remoteAddress: String? = nil, remotePort: Int? = nil, localPort: Int? = nil, uploadedBytes: Int64 = 0,
                downloadedBytes: Int64 = 0, httpVersion: HTTPVersion? = nil, backpressure: BackpressureStatus = BackpressureStatus()) {
        self.queuedMicros = queuedMicros
        self.nameLookupMicros = nameLookupMicros
        self.connectMicros = connectMicros
        self.tlsHandshakeMicros = tlsHandshakeMicros
        self.preTransferMicros = preTransferMicros
        self.firstByteMicros = firstByteMicros
        self.totalMicros = totalMicros
        self.newConnectionCount = newConnectionCount
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.localPort = localPort
        self.uploadedBytes = uploadedBytes
        self.downloadedBytes = downloadedBytes
        self.httpVersion = httpVersion
        self.backpressure = backpressure
    }
}
