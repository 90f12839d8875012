import TapeCore

/// One `name=value` pair of a URL query or an `application/x-www-form-urlencoded` body, with its
/// raw text (for rewriting in place) and its decoded form (for comparing).
///
/// Decoding follows WHATWG `URLSearchParams`: `+` is a space and percent escapes are bytes of
/// UTF-8 text; a malformed escape stays as written.
struct QueryPair: Hashable, Sendable {
    /// The name as written.
    var rawName: Substring
    /// The value as written, or nil when the pair has no `=`.
    var rawValue: Substring?
    /// The decoded name.
    var name: String
    /// The decoded value (empty when there is none).
    var value: String

    /// The pairs of `text` in order; empty pieces (`a=1&&b=2`) are skipped.
    static func parse(_ text: Substring) -> [QueryPair] {
        // Split on the bytes: `&` and `=` are ASCII, and a grapheme-wise split is several times slower.
        text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { bytes in
            let piece = text[bytes.startIndex..<bytes.endIndex]
            if let equals = piece.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let rawName = piece[..<equals]
                let rawValue = piece[piece.utf8.index(after: equals)...]
                return QueryPair(rawName: rawName, rawValue: rawValue, name: decode(rawName), value: decode(rawValue))
            }
            return QueryPair(rawName: piece, rawValue: nil, name: decode(piece), value: "")
        }
    }

    /// Decodes `+` and percent escapes.
    static func decode(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        let bytes = text.utf8.map { $0 == UInt8(ascii: "+") ? 0x20 : $0 }
        return String(decoding: PercentEncoding.decode(bytes), as: UTF8.self)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
