extension HARDocument {
    /// One exchange: an `entries` item.
    public struct Entry: Codable, Sendable, Hashable {
        /// The page the request belongs to, if the tool groups entries by page.
        public var pageref: String?
        /// When the request was issued: ISO 8601 (see ``HARDateTime``).
        public var startedDateTime: String
        /// The whole exchange in milliseconds: the sum of the non-negative ``Timings``.
        public var time: Double
        /// The request.
        public var request: Request
        /// The response (status 0 when none arrived).
        public var response: Response
        /// Cache information; xhrtape writes an empty object.
        public var cache: Cache?
        /// Phase durations in milliseconds.
        public var timings: Timings
        /// The server's IP address, if known.
        public var serverIPAddress: String?
        /// A comment.
        public var comment: String?
        /// xhrtape: every response body read, in arrival order.
        public var xhrtapeChunks: [Chunk]?
        /// xhrtape: the rest of the timeline and what the recorder knew.
        public var xhrtape: Extension?

        /// Creates an entry.
        public init(
            startedDateTime: String, time: Double, request: Request, response: Response, timings: Timings,
            serverIPAddress: String? = nil, xhrtapeChunks: [Chunk]? = nil, xhrtape: Extension? = nil
        ) {
            self.startedDateTime = startedDateTime
            self.time = time
            self.request = request
            self.response = response
            self.cache = Cache()
            self.timings = timings
            self.serverIPAddress = serverIPAddress
            self.xhrtapeChunks = xhrtapeChunks
            self.xhrtape = xhrtape
        }

        enum CodingKeys: String, CodingKey {
            case pageref, startedDateTime, time, request, response, cache, timings, serverIPAddress, comment
            case xhrtapeChunks = "_xhrtapeChunks"
            case xhrtape = "_xhrtape"
        }
    }

    /// The `cache` object; its contents are ignored.
    public struct Cache: Codable, Sendable, Hashable {
        /// Creates an empty cache object.
        public init() {}
    }

    /// The `timings` object, in milliseconds; -1 where a phase does not apply or is unknown.
    ///
    /// HAR 1.2 requires `send`, `wait` and `receive`; the others are optional.
    public struct Timings: Codable, Sendable, Hashable {
        /// Waiting for a network connection.
        public var blocked: Double?
        /// DNS resolution.
        public var dns: Double?
        /// Opening the connection, TLS included.
        public var connect: Double?
        /// Sending the request.
        public var send: Double
        /// Waiting for the first byte of the response.
        public var wait: Double
        /// Reading the response body.
        public var receive: Double
        /// The TLS handshake (also counted in `connect`).
        public var ssl: Double?

        /// Creates timings.
        public init(blocked: Double? = -1, dns: Double? = -1, connect: Double? = -1, send: Double, wait: Double, receive: Double, ssl: Double? = -1) {
            self.blocked = blocked
            self.dns = dns
            self.connect = connect
            self.send = send
            self.wait = wait
            self.receive = receive
            self.ssl = ssl
        }
    }

    /// One `_xhrtapeChunks` item: a response body read.
    public struct Chunk: Codable, Sendable, Hashable {
        /// When it arrived, in microseconds since the request was issued.
        public var atMicros: Int64
        /// Where it starts in the body as stored (before content decoding).
        public var offset: Int64
        /// How many bytes it holds (at least 1).
        public var length: Int64

        /// Creates a chunk record.
        public init(atMicros: Int64, offset: Int64, length: Int64) {
            self.atMicros = atMicros
            self.offset = offset
            self.length = length
        }
    }

    /// The `_xhrtape` entry field: the timeline events other than body chunks, with exact offsets.
    public struct Extension: Codable, Sendable, Hashable {
        /// The extension's version, 1.
        public var version: Int
        /// Every event but the body chunks, in order.
        public var events: [Event]
        /// The chunked trailers, when the response ended with a trailer section (possibly empty).
        public var trailers: [NameValue]?
        /// The client's address as `host:port`, if the exchange came through the proxy.
        public var clientAddress: String?
        /// The upstream server's address as `host:port`, if known.
        public var upstreamAddress: String?

        /// Creates the extension.
        public init(version: Int = 1, events: [Event], trailers: [NameValue]?, clientAddress: String?, upstreamAddress: String?) {
            self.version = version
            self.events = events
            self.trailers = trailers
            self.clientAddress = clientAddress
            self.upstreamAddress = upstreamAddress
        }
    }

    /// One `_xhrtape.events` item.
    public struct Event: Codable, Sendable, Hashable {
        /// What happened.
        public enum Kind: String, Codable, Sendable, Hashable {
            /// `length` more request body bytes were sent.
            case requestBodySent
            /// The whole request was sent.
            case requestEnd
            /// The response head arrived.
            case responseHead
            /// The response ended cleanly.
            case responseEnd
            /// The exchange failed; `code` and `message` say how.
            case failure
        }

        /// What happened.
        public var kind: Kind
        /// When, in microseconds since the request was issued.
        public var atMicros: Int64
        /// For ``Kind/requestBodySent``: how many bytes.
        public var length: Int?
        /// For ``Kind/failure``: the failure's stable code name (`connectionReset` …).
        public var code: String?
        /// For ``Kind/failure``: the failure's message.
        public var message: String?

        /// Creates an event record.
        public init(kind: Kind, atMicros: Int64, length: Int? = nil, code: String? = nil, message: String? = nil) {
            self.kind = kind
            self.atMicros = atMicros
            self.length = length
            self.code = code
            self.message = message
        }
    }
}
