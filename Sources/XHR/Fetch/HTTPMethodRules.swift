/// Fetch's rules for request methods, as XHR's `open()` steps 2-4 apply them.
public enum HTTPMethodRules: Sendable {
    /// Whether `method` is a "method": a non-empty byte sequence matching the `token` production.
    public static func isMethod(_ method: String) -> Bool {
        HTTPGrammar.isToken(method)
    }

    /// Whether `method` is a "forbidden method": CONNECT, TRACE or TRACK, byte-case-insensitively.
    public static func isForbidden(_ method: String) -> Bool {
        ["connect", "trace", "track"].contains(HTTPGrammar.asciiLowercased(method))
    }

    /// Fetch's "normalize a method": DELETE, GET, HEAD, OPTIONS, POST and PUT are uppercased when
    /// they match byte-case-insensitively; every other method is returned unchanged ("patch"
    /// stays "patch").
    public static func normalize(_ method: String) -> String {
        let upper = HTTPGrammar.asciiUppercased(method)
        return ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].contains(upper) ? upper : method
    }

    /// `open()` steps 2-4: validates `method` and returns it normalized.
    ///
    /// - Throws: ``FetchRuleError`` with code ``FetchRuleError/Code/invalidMethod`` (SyntaxError)
    ///   or ``FetchRuleError/Code/forbiddenMethod`` (SecurityError).
    public static func validatedForOpen(_ method: String) throws(FetchRuleError) -> String {
        guard isMethod(method) else {
            throw FetchRuleError(code: .invalidMethod, message: """
                open(): \(debugQuote(method)) is not a valid HTTP method; a method must be a non-empty \
                token (letters, digits and !#$%&'*+-.^_`|~, no spaces or separators), such as "GET" or "PATCH".
                """)
        }
        guard !isForbidden(method) else {
            throw FetchRuleError(code: .forbiddenMethod, message: """
                open(): the method \(debugQuote(method)) is forbidden (CONNECT, TRACE and TRACK cannot be \
                used from XMLHttpRequest); use another method.
                """)
        }
        return normalize(method)
    }

    /// Quotes a value for an error message, escaping control characters.
    static func debugQuote(_ value: String) -> String {
        String(reflecting: value)
    }
}
