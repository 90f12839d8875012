/// Resolves `open()`'s URL argument against the document base URL with the WHATWG URL
/// Standard's "basic URL parser" (encoding UTF-8), and serializes the result.
///
/// Implemented as in the standard: leading/trailing C0 control or space trimmed and tab/newline
/// removed; scheme and (domain) host lowercased; default ports (ftp 21, http/ws 80, https/wss
/// 443) dropped; "." and ".." segments (including `%2e` forms) resolved; backslash treated as
/// slash for special schemes; userinfo, path, query and fragment UTF-8 percent-encoded with their
/// percent-encode sets (spaces, non-ASCII, `"` `<` `>` …; `'` in special queries); IPv4 hosts in
/// any of the standard's forms (`0x7f.1` → `127.0.0.1`); IPv6 hosts parsed and re-serialized in
/// canonical form; non-special schemes with opaque paths (`data:`, `javascript:`, `about:`) and
/// opaque hosts. The fragment is kept; ``withoutFragment(_:)`` removes it.
///
/// Not implemented, each giving nil (failure) instead of a result:
/// - IDNA/UTS #46 "domain to ASCII" for hosts with non-ASCII code points (no punycode, no
///   full-width mapping);
/// - the `file:` scheme (as the URL or the base);
/// - non-UTF-8 query encodings (the standard uses the document's encoding for the query of a
///   special URL; we always use UTF-8 as in a UTF-8 document).
public enum URLResolver: Sendable {
    /// Parses `url` relative to `base` and returns the serialized absolute URL, or nil for
    /// failure (XHR's `open()` step 6 then throws "SyntaxError").
    ///
    /// - Parameters:
    ///   - url: The URL as the author passed it, such as "resources/a.txt?x#frag".
    ///   - base: The document base URL, or nil when there is none; an unparsable base counts
    ///     as nil.
    public static func resolve(_ url: String, against base: String?) -> String? {
        let baseRecord = base.flatMap { parse($0, base: nil) }
        return parse(url, base: baseRecord)?.serialized()
    }

    /// `open()`'s steps 5-6 as a throwing call.
    ///
    /// - Throws: ``FetchRuleError`` with ``FetchRuleError/Code/invalidURL`` (SyntaxError).
    public static func resolvedForOpen(_ url: String, against base: String?) throws(FetchRuleError) -> String {
        guard let resolved = resolve(url, against: base) else {
            throw FetchRuleError(code: .invalidURL, message: """
                open(): cannot parse the URL \(HTTPMethodRules.debugQuote(url)) against the base URL \
                \(base.map(HTTPMethodRules.debugQuote) ?? "(none)"); pass an absolute http(s) URL or \
                set a base URL (file: URLs and internationalized domain names are not supported).
                """)
        }
        return resolved
    }

    /// The URL with its fragment removed (XHR's `responseURL` uses the "exclude fragments flag").
    ///
    /// - Parameter url: A serialized absolute URL, such as a result of ``resolve(_:against:)``.
    public static func withoutFragment(_ url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        return String(url[..<hash])
    }

    private enum State {
        case schemeStart, scheme, noScheme, specialRelativeOrAuthority, pathOrAuthority, relative
        case relativeSlash, specialAuthoritySlashes, specialAuthorityIgnoreSlashes, authority, host
        case port, pathStart, path, opaquePath, query, fragment
    }

    /// The "basic URL parser" without state override and with UTF-8 as the encoding.
    static func parse(_ rawInput: String, base: URLRecord?) -> URLRecord? {
        // Steps 1-3: trim C0 control or space, remove ASCII tab or newline.
        var scalars = Array(rawInput.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        let input = scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }

        var url = URLRecord()
        var state = State.schemeStart
        var buffer = String.UnicodeScalarView()
        var atSignSeen = false
        var insideBrackets = false
        var passwordTokenSeen = false
        var pointer = 0

        func remaining(startsWith scalar: Unicode.Scalar) -> Bool {
            pointer + 1 < input.count && input[pointer + 1] == scalar
        }
        func isSingleDot(_ segment: String) -> Bool {
            segment == "." || HTTPGrammar.asciiLowercased(segment) == "%2e"
        }
        func isDoubleDot(_ segment: String) -> Bool {
            ["..", ".%2e", "%2e.", "%2e%2e"].contains(HTTPGrammar.asciiLowercased(segment))
        }

        while true {
            let c: Unicode.Scalar? = pointer < input.count ? input[pointer] : nil
            let isSlashLike = c == "/" || (url.isSpecial && c == "\\")
            switch state {
            case .schemeStart:
                if let c, ("a"..."z").contains(c) || ("A"..."Z").contains(c) {
                    buffer.append(contentsOf: HTTPGrammar.asciiLowercased(String(c)).unicodeScalars)
                    state = .scheme
                } else {
                    state = .noScheme
                    pointer -= 1
                }
            case .scheme:
                if let c, ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                    || c == "+" || c == "-" || c == "." {
                    buffer.append(contentsOf: HTTPGrammar.asciiLowercased(String(c)).unicodeScalars)
                } else if c == ":" {
                    url.scheme = String(buffer)
                    buffer = String.UnicodeScalarView()
                    if url.scheme == "file" {
                        return nil  // unsupported, see the type's documentation
                    } else if url.isSpecial, let base, base.scheme == url.scheme {
                        state = .specialRelativeOrAuthority
                    } else if url.isSpecial {
                        state = .specialAuthoritySlashes
                    } else if remaining(startsWith: "/") {
                        state = .pathOrAuthority
                        pointer += 1
                    } else {
                        url.path = .opaque("")
                        state = .opaquePath
                    }
                } else {
                    buffer = String.UnicodeScalarView()
                    state = .noScheme
                    pointer = -1
                }
            case .noScheme:
                guard let base else { return nil }
                if base.hasOpaquePath {
                    guard c == "#" else { return nil }
                    url.scheme = base.scheme
                    url.path = base.path
                    url.query = base.query
                    url.fragment = ""
                    state = .fragment
                } else if base.scheme != "file" {
                    state = .relative
                    pointer -= 1
                } else {
                    return nil
                }
            case .specialRelativeOrAuthority:
                if c == "/", remaining(startsWith: "/") {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .relative
                    pointer -= 1
                }
            case .pathOrAuthority:
                if c == "/" {
                    state = .authority
                } else {
                    state = .path
                    pointer -= 1
                }
            case .relative:
                guard let base else { return nil }
                url.scheme = base.scheme
                if c == "/" || (url.isSpecial && c == "\\") {
                    state = .relativeSlash
                } else {
                    url.username = base.username
                    url.password = base.password
                    url.host = base.host
                    url.port = base.port
                    url.path = base.path
                    url.query = base.query
                    if c == "?" {
                        url.query = ""
                        state = .query
                    } else if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    } else if c != nil {
                        url.query = nil
                        url.shortenPath()
                        state = .path
                        pointer -= 1
                    }
                }
            case .relativeSlash:
                if url.isSpecial && (c == "/" || c == "\\") {
                    state = .specialAuthorityIgnoreSlashes
                } else if c == "/" {
                    state = .authority
                } else {
                    guard let base else { return nil }
                    url.username = base.username
                    url.password = base.password
                    url.host = base.host
                    url.port = base.port
                    state = .path
                    pointer -= 1
                }
            case .specialAuthoritySlashes:
                if c == "/", remaining(startsWith: "/") {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .specialAuthorityIgnoreSlashes
                    pointer -= 1
                }
            case .specialAuthorityIgnoreSlashes:
                if c != "/" && c != "\\" {
                    state = .authority
                    pointer -= 1
                }
            case .authority:
                if c == "@" {
                    if atSignSeen { buffer = String.UnicodeScalarView("%40".unicodeScalars) + buffer }
                    atSignSeen = true
                    for scalar in buffer {
                        if scalar == ":" && !passwordTokenSeen {
                            passwordTokenSeen = true
                            continue
                        }
                        let encoded = URLPercentEncodeSet.userinfo.encode(String(scalar))
                        if passwordTokenSeen { url.password += encoded } else { url.username += encoded }
                    }
                    buffer = String.UnicodeScalarView()
                } else if c == nil || c == "/" || c == "?" || c == "#" || isSlashLike {
                    if atSignSeen && buffer.isEmpty { return nil }
                    pointer -= buffer.count + 1
                    buffer = String.UnicodeScalarView()
                    state = .host
                } else if let c {
                    buffer.append(c)
                }
            case .host:
                if c == ":" && !insideBrackets {
                    guard !buffer.isEmpty,
                          let host = URLHostParser.parse(Array(buffer), isOpaque: !url.isSpecial) else { return nil }
                    url.host = host
                    buffer = String.UnicodeScalarView()
                    state = .port
                } else if c == nil || c == "/" || c == "?" || c == "#" || isSlashLike {
                    pointer -= 1
                    if url.isSpecial && buffer.isEmpty { return nil }
                    guard let host = URLHostParser.parse(Array(buffer), isOpaque: !url.isSpecial) else { return nil }
                    url.host = host
                    buffer = String.UnicodeScalarView()
                    state = .pathStart
                } else if let c {
                    if c == "[" { insideBrackets = true }
                    if c == "]" { insideBrackets = false }
                    buffer.append(c)
                }
            case .port:
                if let c, ("0"..."9").contains(c) {
                    buffer.append(c)
                } else if c == nil || c == "/" || c == "?" || c == "#" || isSlashLike {
                    if !buffer.isEmpty {
                        let digits = String(buffer).drop { $0 == "0" }
                        guard digits.count <= 5, let port = Int(digits.isEmpty ? "0" : String(digits)),
                              port <= 65535 else { return nil }
                        url.port = port == url.defaultPort ? nil : port
                        buffer = String.UnicodeScalarView()
                    }
                    state = .pathStart
                    pointer -= 1
                } else {
                    return nil
                }
            case .pathStart:
                if url.isSpecial {
                    state = .path
                    if c != "/" && c != "\\" { pointer -= 1 }
                } else if c == "?" {
                    url.query = ""
                    state = .query
                } else if c == "#" {
                    url.fragment = ""
                    state = .fragment
                } else if c != nil {
                    state = .path
                    if c != "/" { pointer -= 1 }
                }
            case .path:
                if c == nil || isSlashLike || c == "?" || c == "#" {
                    let segment = String(buffer)
                    if isDoubleDot(segment) {
                        url.shortenPath()
                        if !isSlashLike { url.appendSegment("") }
                    } else if isSingleDot(segment) && !isSlashLike {
                        url.appendSegment("")
                    } else if !isSingleDot(segment) {
                        url.appendSegment(segment)
                    }
                    buffer = String.UnicodeScalarView()
                    if c == "?" {
                        url.query = ""
                        state = .query
                    }
                    if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    }
                } else if let c {
                    buffer.append(contentsOf: URLPercentEncodeSet.path.encode(String(c)).unicodeScalars)
                }
            case .opaquePath:
                guard case .opaque(var opaque) = url.path else { return nil }
                if c == "?" {
                    url.query = ""
                    state = .query
                } else if c == "#" {
                    url.fragment = ""
                    state = .fragment
                } else if c == " " {
                    // A space before "?" or "#" is percent-encoded so it cannot be trailing.
                    let next = pointer + 1 < input.count ? input[pointer + 1] : nil
                    opaque += (next == "?" || next == "#") ? "%20" : " "
                } else if let c {
                    opaque += URLPercentEncodeSet.c0Control.encode(String(c))
                }
                url.path = .opaque(opaque)
            case .query:
                if c == nil || c == "#" {
                    let set: URLPercentEncodeSet = url.isSpecial ? .specialQuery : .query
                    url.query = (url.query ?? "") + set.encode(String(buffer))
                    buffer = String.UnicodeScalarView()
                    if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    }
                } else if let c {
                    buffer.append(c)
                }
            case .fragment:
                if let c {
                    url.fragment = (url.fragment ?? "") + URLPercentEncodeSet.fragment.encode(String(c))
                }
            }
            // "If after a run pointer points to the EOF code point, go to the next step."
            if pointer >= input.count { break }
            pointer += 1
        }
        return url
    }
}
