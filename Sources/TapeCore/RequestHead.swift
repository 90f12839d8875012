public import HTTPTypes

/// The head of an HTTP request as the client issued it.
///
/// Equality is exact: the method, the URL text, the version and every header
/// name (with its case) and value in order.
public struct RequestHead: Sendable, Hashable {
    /// The method exactly as sent (`GET`, `post`, `PROPFIND` …).
    public var method: String
    /// The absolute URL, for example `http://127.0.0.1:8080/trickle?chunks=3`.
    public var url: String
    /// The protocol version of the request line.
    public var version: HTTPVersion
    /// Header fields in order, names in their original case.
    public var headerFields: HTTPFields

    /// Creates a request head.
    public init(method: String, url: String, version: HTTPVersion = .http1_1, headerFields: HTTPFields = [:]) {
        self.method = method
        self.url = url
        self.version = version
        self.headerFields = headerFields
    }

    public static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.version == rhs.version
            && lhs.headerFields.isWireIdentical(to: rhs.headerFields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(version)
        headerFields.hashWireForm(into: &hasher)
    }
}
