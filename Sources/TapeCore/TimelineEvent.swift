public import HTTPTypes

/// One thing that happened during an exchange, in the order it happened.
public enum TimelineEvent: Sendable, Hashable {
    /// `byteCount` more bytes of the request body were handed to the network.
    case requestBodySent(byteCount: Int)
    /// The whole request, body included, has been sent.
    case requestEnd
    /// The final response head arrived.
    case responseHead(ResponseHead)
    /// Response body bytes arrived, exactly as read: after de-chunking, before any content decoding.
    case responseBodyChunk([UInt8])
    /// The response body ended cleanly; `trailers` are the chunked trailer fields, if any.
    case responseEnd(trailers: HTTPFields?)
    /// The exchange failed; nothing follows.
    case failure(TransportFailure)

    /// True for the events that end a timeline: ``responseEnd(trailers:)`` and ``failure(_:)``.
    public var isTerminal: Bool {
        switch self {
        case .responseEnd, .failure: true
        case .requestBodySent, .requestEnd, .responseHead, .responseBodyChunk: false
        }
    }

    /// A short name for messages: `responseHead`, `responseBodyChunk` …
    public var kindName: String {
        switch self {
        case .requestBodySent: "requestBodySent"
        case .requestEnd: "requestEnd"
        case .responseHead: "responseHead"
        case .responseBodyChunk: "responseBodyChunk"
        case .responseEnd: "responseEnd"
        case .failure: "failure"
        }
    }

    public static func == (lhs: TimelineEvent, rhs: TimelineEvent) -> Bool {
        switch (lhs, rhs) {
        case (.requestBodySent(let a), .requestBodySent(let b)): a == b
        case (.requestEnd, .requestEnd): true
        case (.responseHead(let a), .responseHead(let b)): a == b
        case (.responseBodyChunk(let a), .responseBodyChunk(let b)): a == b
        case (.responseEnd(let a), .responseEnd(let b)):
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): a.isWireIdentical(to: b)
            default: false
            }
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kindName)
        switch self {
        case .requestBodySent(let count): hasher.combine(count)
        case .requestEnd: break
        case .responseHead(let head): hasher.combine(head)
        case .responseBodyChunk(let bytes): hasher.combine(bytes)
        case .responseEnd(let trailers): trailers?.hashWireForm(into: &hasher)
        case .failure(let failure): hasher.combine(failure)
        }
    }
}
