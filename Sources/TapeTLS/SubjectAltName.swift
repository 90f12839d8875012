#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One subjectAltName entry of a leaf certificate, parsed from a host string.
enum SubjectAltName: Equatable, Sendable {
    /// A `dNSName`, e.g. `api.example.test` or `*.example.test`.
    case dns(String)
    /// An `iPAddress`: 4 bytes for IPv4, 16 for IPv6. `text` is the literal as given, without brackets.
    case ipAddress(bytes: [UInt8], text: String)

    /// Classifies `host` as an IPv4 literal, an IPv6 literal (brackets allowed, as in a URL
    /// authority) or a DNS name.
    ///
    /// DNS names must be ASCII (convert internationalized names to punycode first), with labels
    /// of 1–63 letters, digits, `-` or `_`, at most 253 characters in all, and a `*` only as the
    /// whole leftmost label. A name whose last label is numeric is rejected, because browsers
    /// would parse it as an IPv4 address.
    ///
    /// - Throws: ``TLSError/Code/invalidHost``, naming the host and the rule it breaks.
    init(host: String) throws(TLSError) {
        if let bytes = Self.parseIP(host, family: AF_INET, length: 4) {
            self = .ipAddress(bytes: bytes, text: host)
            return
        }
        var literal = Substring(host)
        if literal.hasPrefix("["), literal.hasSuffix("]") {
            literal = literal.dropFirst().dropLast()
        }
        if let bytes = Self.parseIP(String(literal), family: AF_INET6, length: 16) {
            self = .ipAddress(bytes: bytes, text: String(literal))
            return
        }
        try Self.validateDNSName(host)
        self = .dns(host)
    }

    /// The text used for the subject's common name.
    var commonName: String {
        switch self {
        case .dns(let name): name
        case .ipAddress(_, let text): text
        }
    }

    private static func parseIP(_ text: String, family: Int32, length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let parsed = bytes.withUnsafeMutableBytes { buffer in
            inet_pton(family, text, buffer.baseAddress)
        }
        return parsed == 1 ? Array(bytes.prefix(length)) : nil
    }

    /// The WHATWG URL host parser's "ends in a number" test for one label: decimal digits, or
    /// `0x` followed by hexadecimal digits.
    private static func isNumeric(_ label: Substring) -> Bool {
        let lower = label.lowercased()
        if lower.hasPrefix("0x") {
            return lower.dropFirst(2).allSatisfy(\.isHexDigit)
        }
        return lower.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func validateDNSName(_ host: String) throws(TLSError) {
        func invalid(_ reason: String) -> TLSError {
            TLSError(code: .invalidHost, message: """
                Cannot issue a certificate for host "\(host)": \(reason) Pass DNS names such as \
                "api.example.test" or IP literals such as "127.0.0.1" or "::1".
                """)
        }
        guard !host.isEmpty else { throw invalid("the host is empty.") }
        guard host.unicodeScalars.allSatisfy(\.isASCII) else {
            throw invalid("it contains non-ASCII characters; convert internationalized names to punycode (xn--…) first.")
        }
        guard host.utf8.count <= 253 else {
            throw invalid("it is \(host.utf8.count) characters long; DNS names have at most 253.")
        }
        if host.contains(":") {
            throw invalid("it contains \":\" but is not a valid IPv6 literal (ports and zone IDs are not allowed).")
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for (index, label) in labels.enumerated() {
            guard !label.isEmpty else { throw invalid("it has an empty label (leading, trailing or doubled \".\").") }
            guard label.utf8.count <= 63 else {
                throw invalid("the label \"\(label)\" is \(label.utf8.count) characters long; labels have at most 63.")
            }
            if label == "*" {
                guard index == 0, labels.count >= 3 else {
                    throw invalid("a wildcard \"*\" is only allowed as the whole leftmost label of a name with at least three labels.")
                }
                continue
            }
            let allowed = label.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
                default: false
                }
            }
            guard allowed else {
                throw invalid("the label \"\(label)\" contains characters other than letters, digits, \"-\" and \"_\" (spaces, slashes and schemes are not part of a host).")
            }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else {
                throw invalid("the label \"\(label)\" starts or ends with \"-\".")
            }
        }
        if let last = labels.last, Self.isNumeric(last) {
            throw invalid("its last label is numeric, so browsers would read it as an IPv4 address; write the address as four dotted decimal numbers.")
        }
    }
}
