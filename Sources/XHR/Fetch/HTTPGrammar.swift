/// Code point classes and small parsers shared by the Fetch and MIME Sniffing standards.
///
/// Strings here are "isomorphic": each scalar U+0000...U+00FF stands for the byte of that value,
/// the way header names and values reach XHR from JavaScript as ByteStrings.
enum HTTPGrammar {
    /// Fetch's "HTTP tab or space": U+0009 TAB or U+0020 SPACE.
    static func isTabOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == " "
    }

    /// Fetch's "HTTP whitespace": U+000A LF, U+000D CR, or an HTTP tab or space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || isTabOrSpace(scalar)
    }

    /// "HTTP token code point": `!#$%&'*+-.^_`|~`, ASCII digits and ASCII letters (RFC 9110 tchar).
    static func isTokenCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9":
            return true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~":
            return true
        default:
            return false
        }
    }

    /// "HTTP quoted-string token code point": U+0009, U+0020...U+007E, U+0080...U+00FF.
    static func isQuotedStringTokenCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || (0x20...0x7E).contains(scalar.value) || (0x80...0xFF).contains(scalar.value)
    }

    /// Whether `string` is non-empty and solely HTTP token code points (the `token` production).
    static func isToken<S: StringProtocol>(_ string: S) -> Bool {
        !string.isEmpty && string.unicodeScalars.allSatisfy(isTokenCodePoint)
    }

    /// Removes leading and trailing scalars matching `predicate`.
    static func trimmed(_ scalars: Substring.UnicodeScalarView, where predicate: (Unicode.Scalar) -> Bool) -> Substring.UnicodeScalarView {
        var result = scalars
        while let first = result.first, predicate(first) { result.removeFirst() }
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }

    /// ASCII-lowercases `string` (only A-Z change).
    static func asciiLowercased<S: StringProtocol>(_ string: S) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 0x20) {
                result.append(lower)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// ASCII-uppercases `string` (only a-z change): "byte-uppercase".
    static func asciiUppercased<S: StringProtocol>(_ string: S) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if ("a"..."z").contains(scalar), let upper = Unicode.Scalar(scalar.value - 0x20) {
                result.append(upper)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// "ASCII case-insensitive" (and "byte-case-insensitive" for isomorphic strings) match.
    static func equalsIgnoringASCIICase<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        asciiLowercased(a).unicodeScalars.elementsEqual(asciiLowercased(b).unicodeScalars)
    }

    /// Fetch's "collect an HTTP quoted string" from `input` at `position` (which is at a U+0022).
    ///
    /// - Parameter extractValue: When true, returns the unescaped value; otherwise the exact
    ///   span of input consumed, quotes and backslashes included.
    static func collectQuotedString(
        _ input: [Unicode.Scalar], position: inout Int, extractValue: Bool
    ) -> String {
        // Steps 1-4.
        let positionStart = position
        var value = String.UnicodeScalarView()
        precondition(input[position] == "\"", "collectQuotedString must start at a quote")
        position += 1
        // Step 5.
        while true {
            // 5.1: collect code points that are not " or \.
            while position < input.count, input[position] != "\"", input[position] != "\\" {
                value.append(input[position])
                position += 1
            }
            // 5.2.
            guard position < input.count else { break }
            // 5.3-5.4.
            let quoteOrBackslash = input[position]
            position += 1
            if quoteOrBackslash == "\\" {
                // 5.5.1: a trailing backslash is kept literally.
                guard position < input.count else {
                    value.append("\\")
                    break
                }
                // 5.5.2-5.5.3.
                value.append(input[position])
                position += 1
            } else {
                // 5.6: the closing quote.
                break
            }
        }
        // Steps 6-7.
        if extractValue { return String(value) }
        return String(String.UnicodeScalarView(input[positionStart..<position]))
    }
}
