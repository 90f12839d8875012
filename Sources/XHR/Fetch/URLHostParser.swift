import TapeCore

/// The URL Standard's "host parser" for the hosts ``URLResolver`` supports.
///
/// Not supported (documented in ``URLResolver``): IDNA/UTS #46 (a domain with non-ASCII code
/// points after percent-decoding is a failure here rather than being converted to punycode).
enum URLHostParser {
    /// Parses `input` into a serialized host, or nil for failure.
    static func parse(_ input: [Unicode.Scalar], isOpaque: Bool) -> String? {
        // Step 1: IPv6.
        if input.first == "[" {
            guard input.last == "]", input.count >= 2 else { return nil }
            guard let address = IPv6Address.parse(Array(input[1..<(input.count - 1)])) else { return nil }
            return "[" + address.serialized + "]"
        }
        // Step 2: opaque host for non-special schemes.
        if isOpaque {
            guard !input.contains(where: isForbiddenHostCodePoint) else { return nil }
            return URLPercentEncodeSet.c0Control.encode(String(String.UnicodeScalarView(input)))
        }
        // Steps 3-5: percent-decode, UTF-8 decode without BOM, domain to ASCII.
        let decodedBytes = PercentEncoding.decode(Array(String(String.UnicodeScalarView(input)).utf8))
        var decoder = UTF8ByteDecoder()
        let domain = decoder.decodeReplacing(decodedBytes[...])
        guard !domain.isEmpty, domain.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let asciiDomain = HTTPGrammar.asciiLowercased(domain)
        // Step 7 (of "domain to ASCII"): forbidden domain code points.
        guard !asciiDomain.unicodeScalars.contains(where: isForbiddenDomainCodePoint) else { return nil }
        // Steps 8-9: IPv4.
        if endsInANumber(asciiDomain) {
            guard let address = parseIPv4(asciiDomain) else { return nil }
            return (0..<4).map { String((address >> (8 * (3 - $0))) & 0xFF) }.joined(separator: ".")
        }
        return asciiDomain
    }

    static func isForbiddenHostCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        "\0\t\n\r #/:<>?@[\\]^|".unicodeScalars.contains(scalar)
    }

    static func isForbiddenDomainCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        isForbiddenHostCodePoint(scalar) || scalar.value <= 0x1F || scalar == "%" || scalar.value == 0x7F
    }

    /// The "ends in a number checker".
    static func endsInANumber(_ input: String) -> Bool {
        var parts = input.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "" {
            if parts.count == 1 { return false }
            parts.removeLast()
        }
        guard let last = parts.last else { return false }
        if !last.isEmpty, last.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return true }
        return parseIPv4Number(last) != nil
    }

    /// The "IPv4 parser": the address as a 32-bit number, or nil for failure.
    static func parseIPv4(_ input: String) -> UInt32? {
        var parts = input.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard parts.count <= 4 else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseIPv4Number(part) else { return nil }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 { return nil }
        guard let last = numbers.last else { return nil }
        let limit = UInt64(1) << (8 * (5 - numbers.count))
        guard last < limit else { return nil }
        var ipv4 = last
        for (index, number) in numbers.dropLast().enumerated() {
            ipv4 += number << (8 * (3 - index))
        }
        return UInt32(ipv4)
    }

    /// The "IPv4 number parser": decimal, 0x-hex or 0-octal; nil for failure or overflow.
    static func parseIPv4Number(_ input: Substring) -> UInt64? {
        guard !input.isEmpty else { return nil }
        var text = input
        var radix = 10
        if text.count >= 2, text.hasPrefix("0x") || text.hasPrefix("0X") {
            text = text.dropFirst(2)
            radix = 16
        } else if text.count >= 2, text.hasPrefix("0") {
            text = text.dropFirst()
            radix = 8
        }
        if text.isEmpty { return 0 }
        // Cap the length so UInt64 cannot overflow; anything this long exceeds 2^32 anyway.
        guard text.count <= 20 else { return UInt64(1) << 40 }
        return UInt64(text, radix: radix)
    }
}
