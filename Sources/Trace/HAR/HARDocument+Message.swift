extension HARDocument {
    /// The `request` object.
    public struct Request: Codable, Sendable, Hashable {
        /// The method as sent.
        public var method: String
        /// The absolute URL.
        public var url: String
        /// `HTTP/1.1`, `HTTP/2` (Chromium writes `http/1.1` and `h2`).
        public var httpVersion: String
        /// Cookies; xhrtape writes an empty list and keeps the `Cookie` header.
        public var cookies: [Cookie]?
        /// Header fields in order, names in their original case.
        public var headers: [NameValue]
        /// The URL's query, decoded.
        public var queryString: [NameValue]?
        /// The body, if the request had one.
        public var postData: PostData?
        /// The size of the head in bytes, or -1.
        public var headersSize: Int?
        /// The size of the body in bytes, or -1.
        public var bodySize: Int?

        /// Creates a request.
        public init(
            method: String, url: String, httpVersion: String, headers: [NameValue], queryString: [NameValue],
            postData: PostData?, headersSize: Int, bodySize: Int
        ) {
            self.method = method
            self.url = url
            self.httpVersion = httpVersion
            self.cookies = []
            self.headers = headers
            self.queryString = queryString
            self.postData = postData
            self.headersSize = headersSize
            self.bodySize = bodySize
        }
    }

    /// The `postData` object.
    public struct PostData: Codable, Sendable, Hashable {
        /// The body's media type.
        public var mimeType: String?
        /// The body as text.
        public var text: String?
        /// xhrtape: the exact body in base64, when it is not UTF-8.
        public var xhrtapeBody: String?

        /// Creates a body.
        public init(mimeType: String, text: String, xhrtapeBody: String? = nil) {
            self.mimeType = mimeType
            self.text = text
            self.xhrtapeBody = xhrtapeBody
        }

        enum CodingKeys: String, CodingKey {
            case mimeType, text
            case xhrtapeBody = "_xhrtapeBody"
        }
    }

    /// The `response` object.
    public struct Response: Codable, Sendable, Hashable {
        /// The status code; 0 when no response arrived.
        public var status: Int
        /// The reason phrase exactly as sent.
        public var statusText: String
        /// The status line's version.
        public var httpVersion: String
        /// Cookies; xhrtape writes an empty list and keeps the `Set-Cookie` headers.
        public var cookies: [Cookie]?
        /// Header fields in order, names in their original case.
        public var headers: [NameValue]
        /// The body.
        public var content: Content
        /// The `Location` header's value, or empty.
        public var redirectURL: String?
        /// The size of the head in bytes, or -1.
        public var headersSize: Int?
        /// The size of the body as received (before content decoding), or -1.
        public var bodySize: Int?
        /// Chromium DevTools: why the request failed (`net::ERR_CONNECTION_REFUSED` …).
        public var chromeError: String?
        /// Playwright: why the request failed.
        public var playwrightFailureText: String?

        /// Creates a response.
        public init(
            status: Int, statusText: String, httpVersion: String, headers: [NameValue], content: Content,
            redirectURL: String, headersSize: Int, bodySize: Int, error: String? = nil
        ) {
            self.status = status
            self.statusText = statusText
            self.httpVersion = httpVersion
            self.cookies = []
            self.headers = headers
            self.content = content
            self.redirectURL = redirectURL
            self.headersSize = headersSize
            self.bodySize = bodySize
            self.chromeError = error
        }

        enum CodingKeys: String, CodingKey {
            case status, statusText, httpVersion, cookies, headers, content, redirectURL, headersSize, bodySize
            case chromeError = "_error"
            case playwrightFailureText = "_failureText"
        }
    }

    /// The `content` object: the response body, decoded as HAR asks.
    public struct Content: Codable, Sendable, Hashable {
        /// The decoded body's length in bytes.
        public var size: Int?
        /// Bytes saved by content coding: decoded size minus encoded size.
        public var compression: Int?
        /// The `Content-Type`.
        public var mimeType: String?
        /// The decoded body as text, or in base64 when ``encoding`` is `base64`.
        public var text: String?
        /// `base64`, or absent for text.
        public var encoding: String?
        /// xhrtape: base64 of the body before content decoding, when `Content-Encoding` is set.
        public var xhrtapeEncodedBody: String?
        /// Playwright (`content: "attach"`): the file beside the HAR that holds the body.
        public var playwrightFile: String?

        /// Creates a content object.
        public init(size: Int, compression: Int?, mimeType: String, text: String, encoding: String?, xhrtapeEncodedBody: String?) {
            self.size = size
            self.compression = compression
            self.mimeType = mimeType
            self.text = text
            self.encoding = encoding
            self.xhrtapeEncodedBody = xhrtapeEncodedBody
        }

        enum CodingKeys: String, CodingKey {
            case size, compression, mimeType, text, encoding
            case xhrtapeEncodedBody = "_xhrtapeEncodedBody"
            case playwrightFile = "_file"
        }
    }
}
