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
            // Read byte by byte, without splitting: every response the proxy forwards asks this.
            var part: Int64 = 0
            var digits = 0
            var spaceAfterDigits = false
            func endOfPart() -> Bool {
                guard digits > 0, length == nil || length == part else { return false }
                length = part
                (part, digits, spaceAfterDigits) = (0, 0, false)
                return true
            }
            for byte in value.utf8 {
                switch byte {
                case 0x30...0x39:
                    let (tens, overflowed) = part.multipliedReportingOverflow(by: 10)
                    let (sum, overflowedAgain) = tens.addingReportingOverflow(Int64(byte - 0x30))
                    guard !spaceAfterDigits, !overflowed, !overflowedAgain else { return nil }
                    part = sum
                    digits += 1
                case 0x20, 0x09:
                    if digits > 0 { spaceAfterDigits = true }
                case 0x2C:
                    guard endOfPart() else { return nil }
                default:
                    return nil
                }
            }
            guard endOfPart() else { return nil }
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
