import TapeCore

/// The URL Standard's percent-encode sets, with "UTF-8 percent-encode".
enum URLPercentEncodeSet: Sendable {
    case c0Control, fragment, query, specialQuery, path, userinfo

    /// Whether `scalar` is in this set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 0x1F || value > 0x7E { return true }
        switch self {
        case .c0Control:
            return false
        case .fragment:
            return " \"<>`".unicodeScalars.contains(scalar)
        case .query:
            return " \"#<>".unicodeScalars.contains(scalar)
        case .specialQuery:
            return " \"#<>'".unicodeScalars.contains(scalar)
        case .path:
            return " \"#<>?^`{}".unicodeScalars.contains(scalar)
        case .userinfo:
            return " \"#<>?^`{}/:;=@[\\]|".unicodeScalars.contains(scalar)
        }
    }

    /// "UTF-8 percent-encode" every scalar of `string` that is in this set.
    func encode(_ string: String) -> String {
        var output = ""
        for scalar in string.unicodeScalars {
            if contains(scalar) {
                for byte in String(scalar).utf8 { output += PercentEncoding.percentEncoded(byte) }
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
