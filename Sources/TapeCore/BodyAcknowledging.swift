/// A producer of response body bytes that waits to hear they were consumed: a live
/// transfer that pauses its socket, or a replay that stops reading its cassette.
///
/// The consumer (the proxy, once bytes reached its client's socket) reports each
/// delivered chunk with ``acknowledge(byteCount:)``; the producer keeps at most a
/// bounded number of bytes delivered and not yet acknowledged, so a slow client
/// holds a multi-gigabyte body to a few megabytes of memory.
public protocol BodyAcknowledging: AnyObject, Sendable {
    /// `byteCount` more delivered body bytes were consumed. Callable from any thread.
    func acknowledge(byteCount: Int)
}
