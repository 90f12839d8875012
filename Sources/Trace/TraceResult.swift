/// The result line.
public struct TraceResult: Sendable, Hashable {
    public var status: Int
    public var statusText: String
    public var responseURL: String
    public var bodyBytes: Int
    /// Lowercase hex SHA-256 of the response body bytes.
    public var bodySHA256: String

    public init(status: Int, statusText: String, responseURL: String, bodyBytes: Int, bodySHA256: String) {
        self.status = status
        self.statusText = statusText
        self.responseURL = responseURL
        self.bodyBytes = bodyBytes
        self.bodySHA256 = bodySHA256
    }
}
