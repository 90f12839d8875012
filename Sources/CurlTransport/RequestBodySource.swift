/// Where a request body comes from, pulled by libcurl's read callback as it sends, so
/// a body never has to be in memory whole.
///
/// The driver thread calls the source; nothing else does after it is handed to
/// ``CurlTransport/start(_:bodySource:demand:delegate:)``. A source fed by another
/// thread (a proxy relaying a client's upload) returns
/// ``RequestBodyReadResult/wouldBlock`` when it has nothing yet, and its producer calls
/// ``CurlTransportTask/resumeUpload()`` after adding bytes; such a source must be
/// `Sendable` and lock its own state.
public protocol RequestBodySource: AnyObject {
    /// The body's length in bytes, sent as `Content-Length`; nil sends it with
    /// `Transfer-Encoding: chunked`. A source must produce exactly this many bytes.
    var length: Int64? { get }

    /// Copies the next bytes into `buffer`.
    ///
    /// - Returns: how many bytes were written (at most `buffer.count`), that the body
    ///   ended, or that no bytes are available yet.
    /// - Throws: any error; the exchange then fails with `TransportFailure.Code.aborted`
    ///   and the error's description.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult

    /// Starts the body again from its first byte, so libcurl can resend it when a
    /// reused connection died under the request.
    ///
    /// - Returns: false if the source cannot rewind; the exchange then fails with
    ///   `connectionReset`.
    func rewind() -> Bool
}

extension RequestBodySource {
    /// Sources are not rewindable unless they say so.
    public func rewind() -> Bool { false }
}
