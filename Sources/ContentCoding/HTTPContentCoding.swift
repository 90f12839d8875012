/// An HTTP content coding (RFC 9110 §8.4.1) that ``ContentEncoder`` and ``ContentDecoder`` support.
///
/// The raw value is the token a server sends in `Content-Encoding`.
public enum HTTPContentCoding: String, Sendable, CaseIterable {
    /// The gzip file format (RFC 1952). Decoding accepts several concatenated members.
    case gzip
    /// The zlib format (RFC 1950), which is what HTTP calls "deflate" (RFC 9110 §8.4.1.2).
    ///
    /// Decoding also accepts raw deflate data (RFC 1951) without the zlib wrapper, as browsers do.
    case deflate
    /// Brotli (RFC 7932).
    case brotli = "br"

    /// Parses one `Content-Encoding` token, ignoring case and surrounding whitespace.
    ///
    /// Accepts `gzip`, its legacy alias `x-gzip` (RFC 9110 §8.4.1.3), `deflate` and `br`.
    /// Returns `nil` for `identity`, which is no coding at all, and for every coding we cannot
    /// decode (for example `compress` or `zstd`): the caller then passes the body through unchanged
    /// or reports the unsupported coding.
    ///
    /// - Parameter token: One token from a `Content-Encoding` field value, without the commas
    ///   that separate several codings.
    public init?(token: String) {
        switch token.trimmingHTTPWhitespace().lowercased() {
        case "gzip", "x-gzip": self = .gzip
        case "deflate": self = .deflate
        case "br": self = .brotli
        default: return nil
        }
    }
}
