/// Fetch's rules for header names and values, as `setRequestHeader()`, `getResponseHeader()` and
/// `getAllResponseHeaders()` use them.
///
/// Names and values are isomorphic strings: each scalar U+0000...U+00FF stands for one byte.
public enum HeaderRules: Sendable {
    /// Whether `name` is a "header name": a non-empty `token`.
    public static func isHeaderName(_ name: String) -> Bool {
        HTTPGrammar.isToken(name)
    }

    /// Whether every scalar of `string` is at most U+00FF (WebIDL ByteString conversion succeeds).
    public static func isByteString(_ string: String) -> Bool {
        string.unicodeScalars.allSatisfy { $0.value <= 0xFF }
    }

    /// Fetch's "normalize" for a header value: removes leading and trailing HTTP whitespace bytes
    /// (TAB, LF, CR, SPACE).
    public static func normalizeValue(_ value: String) -> String {
        String(String.UnicodeScalarView(HTTPGrammar.trimmed(Substring(value).unicodeScalars, where: HTTPGrammar.isWhitespace)))
    }

    /// Whether `value` is a "header value": no leading or trailing tab or space, and no NUL, CR or LF.
    public static func isHeaderValue(_ value: String) -> Bool {
        if let first = value.unicodeScalars.first, HTTPGrammar.isTabOrSpace(first) { return false }
        if let last = value.unicodeScalars.last, HTTPGrammar.isTabOrSpace(last) { return false }
        return !value.unicodeScalars.contains { $0 == "\0" || $0 == "\r" || $0 == "\n" }
    }

    /// Whether (`name`, `value`) is a "forbidden request-header".
    ///
    /// True for the fixed list (Accept-Charset ... Via), for names starting with `proxy-` or `sec-`
    /// (byte-case-insensitively), and for X-HTTP-Method, X-HTTP-Method-Override and
    /// X-Method-Override when any of the value's comma-separated entries is a forbidden method.
    public static func isForbiddenRequestHeader(name: String, value: String) -> Bool {
        let lower = HTTPGrammar.asciiLowercased(name)
        // Step 1.
        if forbiddenRequestHeaderNames.contains(lower) { return true }
        // Step 2.
        if lower.hasPrefix("proxy-") || lower.hasPrefix("sec-") { return true }
        // Step 3.
        if lower == "x-http-method" || lower == "x-http-method-override" || lower == "x-method-override" {
            return getDecodeSplit(value).contains { HTTPMethodRules.isForbidden($0) }
        }
        return false
    }

    /// Fetch's fixed list of forbidden request-header names, lowercased.
    static let forbiddenRequestHeaderNames: Set<String> = [
        "accept-charset", "accept-encoding", "access-control-request-headers",
        "access-control-request-method", "connection", "content-length", "cookie", "cookie2",
        "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
        "trailer", "transfer-encoding", "upgrade", "via",
    ]

    /// Whether `name` is a "forbidden response-header name": Set-Cookie or Set-Cookie2.
    public static func isForbiddenResponseHeaderName(_ name: String) -> Bool {
        let lower = HTTPGrammar.asciiLowercased(name)
        return lower == "set-cookie" || lower == "set-cookie2"
    }

    /// `setRequestHeader()` steps 3-5: normalizes and validates a header.
    ///
    /// - Returns: The header to combine into the author request headers, or nil when it is a
    ///   forbidden request-header (which `setRequestHeader()` silently ignores).
    /// - Throws: ``FetchRuleError`` with ``FetchRuleError/Code/notAByteString`` (TypeError, from
    ///   the WebIDL conversion that precedes the steps), ``FetchRuleError/Code/invalidHeaderName``
    ///   or ``FetchRuleError/Code/invalidHeaderValue`` (both SyntaxError).
    public static func validatedForSetRequestHeader(
        name: String, value: String
    ) throws(FetchRuleError) -> (name: String, value: String)? {
        guard isByteString(name), isByteString(value) else {
            throw FetchRuleError(code: .notAByteString, message: """
                setRequestHeader(\(HTTPMethodRules.debugQuote(name)), \(HTTPMethodRules.debugQuote(value))): \
                header names and values must be byte strings (code points up to U+00FF); \
                percent-encode or otherwise ASCII-encode other characters first.
                """)
        }
        // Step 3.
        let normalized = normalizeValue(value)
        // Step 4.
        guard isHeaderName(name) else {
            throw FetchRuleError(code: .invalidHeaderName, message: """
                setRequestHeader(): \(HTTPMethodRules.debugQuote(name)) is not a valid header name; \
                a name must be a non-empty token with no spaces, colons or other separators.
                """)
        }
        guard isHeaderValue(normalized) else {
            throw FetchRuleError(code: .invalidHeaderValue, message: """
                setRequestHeader(\(HTTPMethodRules.debugQuote(name))): the value \
                \(HTTPMethodRules.debugQuote(value)) contains NUL, CR or LF; remove them \
                (line folding is not allowed in header values).
                """)
        }
        // Step 5.
        if isForbiddenRequestHeader(name: name, value: normalized) { return nil }
        return (name, normalized)
    }

    /// Fetch's "get, decode, and split" for a header value: splits on commas outside quoted
    /// strings and trims tabs and spaces from each entry. Quotes are kept.
    public static func getDecodeSplit(_ value: String) -> [String] {
        // Steps 1-4.
        let input = Array(value.unicodeScalars)
        var position = 0
        var values: [String] = []
        var temporary = ""
        // Step 5.
        while true {
            // 5.1.
            var collected = String.UnicodeScalarView()
            while position < input.count, input[position] != "\"", input[position] != "," {
                collected.append(input[position])
                position += 1
            }
            temporary += String(collected)
            // 5.2: a quoted string is kept whole, quotes included.
            if position < input.count, input[position] == "\"" {
                temporary += HTTPGrammar.collectQuotedString(input, position: &position, extractValue: false)
                if position < input.count { continue }
            }
            // 5.3-5.5.
            values.append(String(String.UnicodeScalarView(
                HTTPGrammar.trimmed(Substring(temporary).unicodeScalars, where: HTTPGrammar.isTabOrSpace))))
            temporary = ""
            // 5.6-5.8.
            if position >= input.count { return values }
            position += 1  // skip ","
        }
    }

    /// A header list's "get": the values of every header named `name` (byte-case-insensitively),
    /// joined with ", ", or nil when there is none.
    public static func get(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        let values = headers.filter { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Fetch's "sort and combine": one header per lowercased name, sorted by bytes, values of the
    /// same name joined with ", "; `set-cookie` headers stay separate, in order.
    ///
    /// - Parameter headers: A header list in wire order.
    public static func sortAndCombine(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        // Step 2: "convert header names to a sorted-lowercase set".
        var names = Array(Set(headers.map { HTTPGrammar.asciiLowercased($0.name) }))
        names.sort { byteLess($0, $1) }
        // Step 3.
        var result: [(name: String, value: String)] = []
        for name in names {
            if name == "set-cookie" {
                for header in headers where HTTPGrammar.asciiLowercased(header.name) == name {
                    result.append((name, header.value))
                }
            } else if let value = get(name, in: headers) {
                result.append((name, value))
            }
        }
        return result
    }

    /// The headers `getAllResponseHeaders()` exposes, as the byte string it returns.
    ///
    /// Set-Cookie and Set-Cookie2 are removed first (Fetch's basic filtered response drops every
    /// "forbidden response-header name"), then the list is sorted and combined and re-sorted by
    /// "legacy-uppercased-byte less than" (stable), and each header becomes `name: value\r\n`.
    /// - Parameter headers: The response's header list in wire order.
    public static func allResponseHeadersString(_ headers: [(name: String, value: String)]) -> String {
        let exposed = headers.filter { !isForbiddenResponseHeaderName($0.name) }
        let combined = sortAndCombine(exposed)
        // Step 3 of getAllResponseHeaders(): a stable sort on the byte-uppercased names.
        let sorted = combined.enumerated().sorted { lhs, rhs in
            let a = HTTPGrammar.asciiUppercased(lhs.element.name)
            let b = HTTPGrammar.asciiUppercased(rhs.element.name)
            if a == b { return lhs.offset < rhs.offset }
            return byteLess(a, b)
        }
        return sorted.map { $0.element.name + ": " + $0.element.value + "\r\n" }.joined()
    }

    /// `getResponseHeader()`: "get" on the exposed header list (Set-Cookie and Set-Cookie2 removed).
    public static func responseHeader(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        get(name, in: headers.filter { !isForbiddenResponseHeaderName($0.name) })
    }

    /// Infra's "byte less than" on isomorphic strings (compares scalar values, not Unicode order).
    static func byteLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
