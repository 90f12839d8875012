/// An HTTP Archive (HAR 1.2) file, as Codable values.
///
/// The model keeps what xhrtape reads or writes, plus its own extension fields (names starting
/// with `_xhrtape`, which HAR 1.2 reserves for custom fields by the leading underscore). Fields
/// that real tools leave out although the spec requires them (`cookies`, `queryString`,
/// `headersSize`, `bodySize`, `cache`, content `size` in Polly.js files) are optional when
/// decoding; ``HARExporter`` always writes them. Unknown fields (`_initiator`, `_id`, `pages` …)
/// are ignored.
///
/// The extension fields, all optional, together make a cassette → HAR → cassette round trip
/// exact:
///
/// | field | where | what |
/// |---|---|---|
/// | `_xhrtapeChunks` | entry | `[{"atMicros", "offset", "length"}]`: every response body read, its arrival in µs since the request was issued and its byte range in the body as stored (before content decoding) |
/// | `_xhrtape` | entry | ``HARDocument/Extension``: the other timeline events with µs offsets, trailers, failure, addresses |
/// | `_xhrtapeEncodedBody` | `response.content` | base64 of the body as it crossed the wire, written when `Content-Encoding` is set (then `text` holds the decoded body, as HAR asks) |
/// | `_xhrtapeBody` | `request.postData` | base64 of the request body, written when it is not UTF-8 (HAR's `postData.text` has no base64 form) |
public struct HARDocument: Codable, Sendable, Hashable {
    /// The root object.
    public var log: Log

    /// Creates a document.
    public init(log: Log) {
        self.log = log
    }

    /// The `log` object.
    public struct Log: Codable, Sendable, Hashable {
        /// The format version, `1.2`.
        public var version: String
        /// The tool that wrote the file.
        public var creator: Creator
        /// The browser that made the requests, if one did.
        public var browser: Creator?
        /// Every exchange, in the order the requests were issued.
        public var entries: [Entry]
        /// A comment.
        public var comment: String?

        /// Creates a log.
        public init(version: String = "1.2", creator: Creator, browser: Creator? = nil, entries: [Entry], comment: String? = nil) {
            self.version = version
            self.creator = creator
            self.browser = browser
            self.entries = entries
            self.comment = comment
        }
    }

    /// The `creator` and `browser` objects.
    public struct Creator: Codable, Sendable, Hashable {
        /// The application's name.
        public var name: String
        /// The application's version.
        public var version: String

        /// Creates a creator.
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// A `name`/`value` pair: a header, a query parameter or a trailer.
    public struct NameValue: Codable, Sendable, Hashable {
        /// The name, in its original case.
        public var name: String
        /// The value.
        public var value: String

        /// Creates a pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A cookie. xhrtape keeps cookies in the `Cookie` and `Set-Cookie` headers and writes empty
    /// cookie lists; only the two fields every tool writes are read.
    public struct Cookie: Codable, Sendable, Hashable {
        /// The cookie's name.
        public var name: String
        /// The cookie's value.
        public var value: String
    }
}
