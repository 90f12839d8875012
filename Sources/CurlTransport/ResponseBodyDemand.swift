/// How much response body a ``CurlTransportTask`` may hold for a slow consumer before
/// it pauses the transfer, and who says that bytes were consumed.
///
/// Every body chunk libcurl delivers is handed to the consumer and counts as
/// *buffered* until it is acknowledged. When accepting the next chunk would take the
/// buffered bytes past ``maxBufferedBytes``, the write callback returns
/// `CURL_WRITEFUNC_PAUSE`: libcurl keeps that one chunk (at most one read) and stops
/// reading the socket, so TCP flow control slows the server down. Once
/// acknowledgements bring the buffered bytes down to half the bound, the driver thread
/// resumes the transfer and libcurl delivers the chunk it kept.
///
/// A chunk is always accepted when nothing is buffered, so the bound is
/// `max(maxBufferedBytes, one read)`; keep it at least
/// ``CurlTransport/Configuration/receiveBufferSize``.
public struct ResponseBodyDemand: Sendable, Hashable {
    /// Who acknowledges body bytes.
    public enum Acknowledgement: Sendable, Hashable {
        /// A chunk counts as consumed once the delegate's `transportTask(_:didReceive:atOffsetMicros:)`
        /// has returned. The backlog is then the chunks queued on the executor: a busy
        /// scheduler thread slows the transfer down. Right for the XHR.
        case onDelivery
        /// The consumer calls ``CurlTransportTask/acknowledge(byteCount:)`` (from any
        /// thread) when it has passed bytes on, for example once a proxy's downstream
        /// write completed.
        case explicit
    }

    /// The most body bytes delivered and not yet acknowledged before the transfer pauses.
    public var maxBufferedBytes: Int
    /// Who acknowledges body bytes.
    public var acknowledgement: Acknowledgement

    /// Creates a demand policy.
    public init(maxBufferedBytes: Int, acknowledgement: Acknowledgement) {
        self.maxBufferedBytes = maxBufferedBytes
        self.acknowledgement = acknowledgement
    }

    /// 1 MiB, acknowledged on delivery: the default.
    public static let automatic = ResponseBodyDemand(maxBufferedBytes: 1 << 20, acknowledgement: .onDelivery)

    /// A bound of `maxBufferedBytes`, acknowledged by the consumer.
    public static func explicit(maxBufferedBytes: Int) -> ResponseBodyDemand {
        ResponseBodyDemand(maxBufferedBytes: maxBufferedBytes, acknowledgement: .explicit)
    }
}
