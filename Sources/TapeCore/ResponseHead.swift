public import HTTPTypes

/// The head of a final HTTP response as it arrived: status line and header fields.
///
/// Equality is exact, including the reason phrase and the case and order of header names.
public struct ResponseHead: Sendable, Hashable {
    /// The protocol version of the status line.
    public var version: HTTPVersion
    /// The status code (200, 404 …). Final responses only: interim 1xx heads are not recorded.
    public var status: Int
    /// The reason phrase exactly as sent, possibly empty (`HTTP/1.1 200 ` has none).
    public var reasonPhrase: String
    /// Header fields in order, names in their original case.
    public var headerFields: HTTPFields

    /// Creates a response head.
    public init(version: HTTPVersion = .http1_1, status: Int, reasonPhrase: String, headerFields: HTTPFields = [:]) {
        self.version = version
        self.status = status
        self.reasonPhrase = reasonPhrase
        self.headerFields = headerFields
    }

    /// The body length the head announces, following Fetch's "extract a length":
    /// every `Content-Length` value, split on commas, must be the same decimal number;
    /// nil when there is none or they disagree.
    public var contentLength: Int64? {
        var length: Int64?
        for value in headerFields[values: .contentLength] {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = part.trimmingASCIISpaces()
                guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                      let parsed = Int64(digits)
                else { return nil }
                if let length, length != parsed { return nil }
                length = parsed
            }
        }
        return length
    }

    public static func == (lhs: ResponseHead, rhs: ResponseHead) -> Bool {
        lhs.version == rhs.version && lhs.status == rhs.status && lhs.reasonPhrase == rhs.reasonPhrase
            && lhs.headerFields.isWireIdentical(to: rhs.headerFields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(status)
        hasher.combine(reasonPhrase)
        headerFields.hashWireForm(into: &hasher)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and horizontal tabs (HTTP's OWS).
    fileprivate func trimmingASCIISpaces() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
