import TapeCore

/// Fetch's "data: URL processor" and the `data` branch of "scheme fetch": a `data:` URL
/// is answered locally, for any method, with status 200 `OK`, a single `Content-Type`
/// header holding the serialized MIME type, and the decoded body.
struct DataURL: Equatable {
    var mimeType: MIMEType
    var body: [UInt8]

    /// The data: URL processor; nil for failure (the fetch then returns a network error).
    ///
    /// - Parameter url: a serialized absolute URL whose scheme is `data`.
    init?(_ url: String) {
        // Steps 2–3: serialize excluding the fragment, drop the leading "data:".
        let withoutFragment = URLResolver.withoutFragment(url)
        guard withoutFragment.lowercased().hasPrefix("data:") else { return nil }
        let input = Array(withoutFragment.utf8.dropFirst(5))
        // Steps 4–7: the MIME type is everything up to the first ",", ASCII whitespace stripped.
        guard let comma = input.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        var mimeType = Array(HTTPGrammarLite.trimmingASCIIWhitespace(input[..<comma]))
        // Steps 8–9: percent-decode the rest.
        var body = PercentEncoding.decode(Array(input[(comma + 1)...]))
        // Step 10: a ";base64" suffix (spaces allowed before "base64") means forgiving-base64.
        if let suffix = Self.base64SuffixStart(mimeType) {
            guard let decoded = Self.forgivingBase64Decode(body) else { return nil }
            body = decoded
            mimeType.removeSubrange(suffix...)
        }
        // Steps 11–13: a leading ";" gets "text/plain"; an unparsable type becomes the default.
        if mimeType.first == UInt8(ascii: ";") { mimeType = Array("text/plain".utf8) + mimeType }
        self.mimeType = MIMEType(bytes: mimeType) ?? MIMEType("text/plain;charset=US-ASCII")!
        self.body = body
    }

    /// Where `;` + spaces + "base64" (case-insensitive) starts, when the type ends that way.
    private static func base64SuffixStart(_ mimeType: [UInt8]) -> Int? {
        guard mimeType.count >= 7, String(decoding: mimeType.suffix(6), as: UTF8.self).lowercased() == "base64" else { return nil }
        var index = mimeType.count - 7
        while index >= 0, mimeType[index] == UInt8(ascii: " ") { index -= 1 }
        guard index >= 0, mimeType[index] == UInt8(ascii: ";") else { return nil }
        return index
    }

    /// Infra's "forgiving-base64 decode"; nil for failure.
    static func forgivingBase64Decode(_ input: [UInt8]) -> [UInt8]? {
        var data = input.filter { !HTTPGrammarLite.isASCIIWhitespace($0) }
        if data.count % 4 == 0 {
            if data.last == UInt8(ascii: "=") { data.removeLast() }
            if data.last == UInt8(ascii: "=") { data.removeLast() }
        }
        guard data.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in data {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return output
    }
}

/// Infra's ASCII whitespace (tab, LF, FF, CR, space).
private enum HTTPGrammarLite {
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    static func trimmingASCIIWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isASCIIWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isASCIIWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
