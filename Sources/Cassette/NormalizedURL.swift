import TapeCore

/// An absolute URL reduced to what matching compares: scheme and host in lowercase, the port
/// without its scheme's default, the path with RFC 3986 normalisation, and the query's pairs.
///
/// Normalisation (RFC 3986 §6.2.2): percent escapes of unreserved characters are decoded and the
/// hex digits of the others uppercased; `.` and `..` segments are removed; an empty path is `/`.
/// User information and the fragment never reach a server and are dropped. A string that is not
/// an absolute URL keeps its text as the path, so it still matches itself.
struct NormalizedURL: Hashable, Sendable {
    var scheme: String
    var host: String
    /// The port, nil when it is the scheme's default or absent.
    var port: Int?
    var path: String
    /// The query pairs in order; empty when there is no query.
    var query: [QueryPair]

    /// `scheme://host[:port]`.
    var origin: String {
        port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    static let defaultPorts = ["http": 80, "https": 443, "ws": 80, "wss": 443]

    init(_ url: String) {
        // Delimiters are ASCII, so they are found on the UTF-8 view (bytes, not graphemes: a
        // combining mark after `?` does not hide it, and the scan is several times faster).
        var rest = Substring(url)
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        var queryText: Substring = ""
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            queryText = rest[rest.utf8.index(after: question)...]
            rest = rest[..<question]
        }
        query = QueryPair.parse(queryText)
        scheme = ""
        host = ""
        port = nil
        if let schemeEnd = Self.schemeSeparator(in: rest) {
            scheme = rest[..<schemeEnd.lowerBound].lowercased()
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            rest = rest[authorityEnd...]
            if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.utf8.index(after: at)...] }
            var portText: Substring = ""
            if authority.utf8.first == UInt8(ascii: "["), let close = authority.utf8.firstIndex(of: UInt8(ascii: "]")) {
                host = authority[...close].lowercased()
                let afterHost = authority[authority.utf8.index(after: close)...]
                if afterHost.utf8.first == UInt8(ascii: ":") { portText = afterHost[afterHost.utf8.index(after: afterHost.startIndex)...] }
            } else if let colon = authority.utf8.lastIndex(of: UInt8(ascii: ":")) {
                host = authority[..<colon].lowercased()
                portText = authority[authority.utf8.index(after: colon)...]
            } else {
                host = authority.lowercased()
            }
            if let number = Int(portText), number != Self.defaultPorts[scheme] {
                port = number
            } else if !portText.isEmpty, Int(portText) == nil {
                host += ":" + portText  // not a port: keep it visible rather than dropping it
            }
        }
        path = Self.removeDotSegments(Self.normalizePercentEncoding(rest))
        if path.isEmpty { path = "/" }
    }

    /// The range of `://` after a scheme (RFC 3986 §3.1: a letter, then letters, digits,
    /// `+`, `-` or `.`), or nil when `text` does not start with one.
    static func schemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon != utf8.startIndex,
              utf8[utf8.startIndex..<colon].allSatisfy({ byte in
                  (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte)  // a letter in either case, a digit
                      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
              }),
              utf8[colon...].starts(with: "://".utf8)
        else { return nil }
        return colon..<utf8.index(colon, offsetBy: 3)
    }

    /// Decodes escapes of unreserved characters and uppercases the hex digits of the rest.
    static func normalizePercentEncoding(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = PercentEncoding.hexValue(bytes[index + 1]), let low = PercentEncoding.hexValue(bytes[index + 2]) {
                let value = high << 4 | low
                if QueryPair.isUnreserved(value) {
                    output.append(value)
                } else {
                    output += [UInt8(ascii: "%")] + Array(String(value, radix: 16, uppercase: true).utf8).paddedHex
                }
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        // A dot segment starts the path or follows a slash; "/1k.bin" has none.
        let utf8 = path.utf8
        guard utf8.first == UInt8(ascii: ".")
            || zip(utf8, utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "/") && $1 == UInt8(ascii: ".") })
        else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }
}

extension Array where Element == UInt8 {
    /// Two hex digits, padding a single one with a zero.
    fileprivate var paddedHex: [UInt8] { count == 1 ? [UInt8(ascii: "0")] + self : self }
}
