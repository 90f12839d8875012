/// The result line.
public struct TraceResult: Sendable, Hashable {
    public var status: Int
    public var statusText: String
    public var responseURL: String
    /// The length of the body as the page read it: the UTF-8 of `responseText` for
    /// responseType `""` and `text`, the bytes for `arraybuffer` and `blob` (`json`: the
    /// bytes, or `null` when they don't parse).
    public var bodyBytes: Int
    /// Lowercase hex SHA-256 of the same bytes.
    public var bodySHA256: String

    public init(status: Int, statusText: String, responseURL: String, bodyBytes: Int, bodySHA256: String) {
        self.status = status
        self.statusText = statusText
        self.responseURL = responseURL
        self.bodyBytes = bodyBytes
        self.bodySHA256 = bodySHA256
    }
}
