/// The request the XHR hands its fetch layer.
struct FetchRequest {
    var method: String
    /// Absolute URL.
    var url: String
    /// Author request headers in order, names as the author first wrote them.
    var headers: [(name: String, value: String)]
    /// The extracted body; nil for none.
    var body: [UInt8]?
}

/// The final response head as the XHR sees it, after redirects.
struct FetchResponse {
    var status: Int
    var statusText: String
    var headers: [(name: String, value: String)]
    /// The URL of the last request in the redirect chain.
    var url: String
    /// Fetch's "null body": HEAD, or a null body status (101, 103, 204, 205, 304).
    var bodyIsNull: Bool
    /// Fetch's "extract a length" of the (encoded) body, or 0.
    var length: Int64
}
