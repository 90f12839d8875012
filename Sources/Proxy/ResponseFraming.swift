import NIOHTTP1

/// How the proxy frames a response head for its client (RFC 9112 §6).
///
/// NIO's automatic framing decides from the status *case*, so it frames a 204 or 304
/// written as `.custom` (the only way to send a recorded, non-standard reason phrase)
/// as if it had a body, and strips a 304's `Content-Length`. The proxy turns it off
/// and frames here from the status *code*, keeping every recorded field that may be
/// sent; the encoder then chunks a body exactly when `Transfer-Encoding: chunked` is
/// among the fields returned.
enum ResponseFraming {
    /// The fields to send with a response of `status`, from the recorded `fields`, in
    /// their recorded order.
    ///
    /// - 1xx and 204: no `Content-Length` or `Transfer-Encoding` (RFC 9110 §8.6, RFC 9112 §6.1).
    /// - 304: `Content-Length` kept (it describes the selected representation, RFC 9110
    ///   §8.6); `Transfer-Encoding` dropped, since there is no body to chunk.
    /// - Otherwise: with `Content-Length`, no `Transfer-Encoding` (never both: RFC 9112
    ///   §6.3); without it, the body is chunked (`Transfer-Encoding: chunked` replaces any
    ///   other coding list, at the end: the proxy holds the decoded chunks, not the upstream's
    ///   codings; a recorded `chunked` stays where it was).
    ///
    /// A response to `HEAD` keeps the same fields; NIO writes no body for it.
    static func wireFields(status: Int, _ fields: [(name: String, value: String)]) -> HTTPHeaders {
        // Added one by one: `HTTPHeaders([(String, String)])` would first convert the labelled
        // tuples element by element with a dynamic cast (1 % of the event loop at 1 KiB).
        var headers = HTTPHeaders()
        headers.reserveCapacity(fields.count + 1)
        for field in fields { headers.add(name: field.name, value: field.value) }
        if (100..<200).contains(status) || status == 204 {
            headers.remove(name: "content-length")
            headers.remove(name: "transfer-encoding")
        } else if status == 304 || headers.contains(name: "content-length") {
            headers.remove(name: "transfer-encoding")
        } else if headers[canonicalForm: "transfer-encoding"].map({ $0.lowercased() }) != ["chunked"] {
            headers.replaceOrAdd(name: "transfer-encoding", value: "chunked")
        }
        return headers
    }

    /// The encoder's configuration for a proxy connection: framing is ``wireFields(status:_:)``'s.
    static var encoderConfiguration: HTTPResponseEncoder.Configuration {
        var configuration = HTTPResponseEncoder.Configuration()
        configuration.automaticallySetFramingHeaders = false
        return configuration
    }
}
