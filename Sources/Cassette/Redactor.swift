public import HTTPTypes
public import TapeCore

/// Removes secrets from exchanges before they reach a cassette.
///
/// By default it replaces the values of `Authorization`, `Cookie`, `Set-Cookie` and
/// `Proxy-Authorization` (see ``defaultHeaderNames``). Rules add more: header names, query
/// parameters, JSON body fields by path, and regular expressions on bodies.
///
/// Every redacted value becomes the same fixed ``placeholder`` (`REDACTED`), so redacted
/// cassettes diff cleanly and matching still works: replay redacts each live request with the
/// cassette's redactor before matching it, so `?token=abc` recorded as `?token=REDACTED` matches
/// a later `?token=xyz` too.
///
/// What each rule touches:
/// - ``Rule/header(_:)``: request and response header fields and trailers with that name (any case).
/// - ``Rule/queryParameter(_:)``: that parameter in the request URL, in URLs inside `Referer`,
///   `Location` and `Content-Location`, and in `application/x-www-form-urlencoded` request bodies.
/// - ``Rule/jsonField(_:in:)``: fields at a JSONPath in JSON bodies (see ``Rule/jsonField(_:in:)``).
/// - ``Rule/bodyPattern(_:in:)``: matches of a regular expression in bodies.
///
/// A request body is redacted whole. A response body that a rule applies to is held in memory
/// until the response ends (up to ``maximumResponseBodyBytes``), redacted, and stored with its
/// original chunk boundaries and times; `Content-Length` is rewritten when the length changes.
/// When a response rule cannot be applied (the body is compressed, or larger than the limit) the
/// exchange is not recorded and the writer reports ``CassetteError/Code/redactionFailed``:
/// a secret never reaches disk by accident.
public struct Redactor: Sendable {
    /// Which bodies a body rule applies to.
    public struct Scope: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Request bodies.
        public static let requests = Scope(rawValue: 1)
        /// Response bodies.
        public static let responses = Scope(rawValue: 2)
        /// Both.
        public static let requestsAndResponses: Scope = [.requests, .responses]
    }

    /// One thing to redact.
    public struct Rule: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Sendable, Hashable {
            case header(String)
            case queryParameter(String)
            case jsonField(JSONPath)
            case bodyPattern(String)
        }

        let kind: Kind
        let scope: Scope

        /// The value of every header field (and trailer) called `name`, compared case-insensitively.
        public static func header(_ name: String) -> Rule {
            Rule(kind: .header(name.lowercased()), scope: .requestsAndResponses)
        }

        /// The value of the query parameter `name` (compared after percent-decoding) in the request
        /// URL, in URL-valued headers, and the form field `name` in url-encoded request bodies.
        public static func queryParameter(_ name: String) -> Rule {
            Rule(kind: .queryParameter(name), scope: .requests)
        }

        /// The value at `path` in JSON bodies, replaced by the placeholder as a JSON string.
        ///
        /// `path` is a JSONPath subset: `$.user.password`, `$.items[*].token`, `$.list[0]`,
        /// `$..secret` (any depth); a bare name such as `password` means `$..password`. Request
        /// bodies are parsed whatever their content type; response bodies only when their
        /// `Content-Type` mentions `json`.
        ///
        /// - Throws: ``CassetteError/Code/invalidRedactionRule`` if `path` does not parse.
        public static func jsonField(_ path: String, in scope: Scope = .requestsAndResponses) throws(CassetteError) -> Rule {
            guard let parsed = JSONPath(path) else {
                throw CassetteError(
                    code: .invalidRedactionRule,
                    message: "The JSON path \"\(path)\" is not supported. Use forms such as $.user.password, "
                        + "$.items[*].token, $..secret or a bare field name.")
            }
            return Rule(kind: .jsonField(parsed), scope: scope)
        }

        /// Every match of the regular expression `pattern` in bodies; when it has capture groups,
        /// only the first group is replaced (`password=([^&]*)` keeps `password=`).
        ///
        /// Bodies are matched as UTF-8 text, or byte per character when they are not UTF-8.
        /// Response bodies are matched when their `Content-Type` is textual (text, JSON, XML,
        /// JavaScript, url-encoded forms) or missing.
        ///
        /// - Throws: ``CassetteError/Code/invalidRedactionRule`` if `pattern` does not compile.
        public static func bodyPattern(_ pattern: String, in scope: Scope = .requestsAndResponses) throws(CassetteError) -> Rule {
            do {
                _ = try Regex(pattern)
            } catch {
                throw CassetteError(
                    code: .invalidRedactionRule,
                    message: "The body pattern \"\(pattern)\" is not a valid regular expression: \(error). Fix the pattern.",
                    cause: error)
            }
            return Rule(kind: .bodyPattern(pattern), scope: scope)
        }

        public var description: String {
            switch kind {
            case .header(let name): "header \(name)"
            case .queryParameter(let name): "query parameter \(name)"
            case .jsonField(let path): "JSON field \(path)"
            case .bodyPattern(let pattern): "body pattern /\(pattern)/"
            }
        }
    }

    /// The headers redacted unless a redactor is made without defaults.
    public static let defaultHeaderNames = ["Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization"]

    /// The default headers only.
    public static let standard = Redactor()

    /// Redacts nothing at all.
    public static let none = Redactor(rules: [], includingDefaults: false)

    /// The rules, defaults included.
    public var rules: [Rule] {
        didSet { index = RuleIndex(rules) }
    }
    /// What the rules touch, worked out once: every recorded exchange asks, most of them only to
    /// learn that nothing applies.
    private var index: RuleIndex
    /// What every redacted value becomes.
    public var placeholder: String
    /// The largest response body held in memory for redaction.
    public var maximumResponseBodyBytes: Int

    /// Creates a redactor.
    ///
    /// - Parameters:
    ///   - rules: Rules beyond the defaults.
    ///   - includingDefaults: Whether to add ``Rule/header(_:)`` for each of ``defaultHeaderNames``.
    ///   - placeholder: What redacted values become; keep it URL- and header-safe.
    ///   - maximumResponseBodyBytes: The largest response body redacted in memory (16 MiB by default).
    public init(
        rules: [Rule] = [], includingDefaults: Bool = true, placeholder: String = "REDACTED",
        maximumResponseBodyBytes: Int = 16 << 20
    ) {
        let rules = (includingDefaults ? Self.defaultHeaderNames.map(Rule.header) : []) + rules
        self.rules = rules
        self.index = RuleIndex(rules)
        self.placeholder = placeholder
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
    }

    // MARK: - Heads and requests

    /// `request` with its headers, URL query and body redacted.
    public func redact(_ request: ExchangeRequest) -> ExchangeRequest {
        var redacted = request
        redacted.head.url = redactQuery(inURL: request.head.url)
        redacted.head.headerFields = redact(fields: request.head.headerFields)
        if !request.body.isEmpty, index.touchesRequestBodies {
            let contentType = request.head.headerFields[.contentType] ?? ""
            var body = request.body
            if MediaType(contentType).isFormURLEncoded {
                body = redactFormBody(body)
            }
            body = redactBody(body, scope: .requests, parseJSON: true)
            if body != request.body {
                redacted.body = body
                redacted.head.headerFields = Self.replacingContentLength(in: redacted.head.headerFields, with: body.count)
            }
        }
        return redacted
    }

    /// `head` with its header fields redacted.
    public func redact(_ head: ResponseHead) -> ResponseHead {
        var redacted = head
        redacted.headerFields = redact(fields: head.headerFields)
        return redacted
    }

    /// Trailer fields redacted by the header rules.
    public func redactTrailers(_ trailers: HTTPFields) -> HTTPFields {
        redact(fields: trailers)
    }

    private func redact(fields: HTTPFields) -> HTTPFields {
        let names = index.headerNames
        let hasQueryRules = !index.queryParameterNames.isEmpty
        func mayChange(_ field: HTTPField) -> Bool {
            let name = field.name.canonicalName
            return names.contains(name) || (hasQueryRules && RuleIndex.urlValuedHeaderNames.contains(name))
        }
        guard fields.contains(where: mayChange) else { return fields }
        var output = HTTPFields()
        for field in fields {
            let lowercased = field.name.canonicalName
            if names.contains(lowercased) {
                output.append(HTTPField(name: field.name, value: placeholder))
            } else if hasQueryRules, RuleIndex.urlValuedHeaderNames.contains(lowercased), field.value.contains("?") {
                let value = redactQuery(inURL: field.value)
                output.append(value == field.value ? field : HTTPField(name: field.name, value: value))
            } else {
                output.append(field)
            }
        }
        return output
    }

    /// `url` with the values of redacted query parameters replaced; every other byte kept.
    func redactQuery(inURL url: String) -> String {
        let names = index.queryParameterNames
        guard !names.isEmpty, let question = url.firstIndex(of: "?") else { return url }
        let queryStart = url.index(after: question)
        let queryEnd = url[queryStart...].firstIndex(of: "#") ?? url.endIndex
        let query = url[queryStart..<queryEnd]
        let rewritten = rewritePairs(query, names: names)
        guard rewritten != query else { return url }
        return String(url[..<queryStart]) + rewritten + String(url[queryEnd...])
    }

    private func redactFormBody(_ body: [UInt8]) -> [UInt8] {
        let names = index.queryParameterNames
        guard !names.isEmpty, let text = String(validating: body, as: UTF8.self) else { return body }
        let rewritten = rewritePairs(Substring(text), names: names)
        return rewritten == text ? body : Array(rewritten.utf8)
    }

    private func rewritePairs(_ query: Substring, names: Set<String>) -> String {
        let encodedPlaceholder = QueryPair.encode(placeholder)
        var output = ""
        var cursor = query.startIndex
        for pair in QueryPair.parse(query) where names.contains(pair.name) {
            let valueRange = pair.rawValue.map { $0.startIndex..<$0.endIndex }
            if let valueRange {
                output += query[cursor..<valueRange.lowerBound] + encodedPlaceholder
                cursor = valueRange.upperBound
            } else {
                output += query[cursor..<pair.rawName.endIndex] + "=" + encodedPlaceholder
                cursor = pair.rawName.endIndex
            }
        }
        output += query[cursor...]
        return output
    }

    private static func replacingContentLength(in fields: HTTPFields, with length: Int) -> HTTPFields {
        guard fields[.contentLength] != nil else { return fields }
        var output = HTTPFields()
        for field in fields {
            output.append(field.name == .contentLength ? HTTPField(name: field.name, value: String(length)) : field)
        }
        return output
    }

    // MARK: - Bodies

    /// What the writer must do with a response body.
    enum ResponseBodyPlan: Equatable {
        /// No rule applies: write chunks as they come.
        case passThrough
        /// Hold the body and call ``redactResponseBody(_:head:)`` at the end.
        case buffer
        /// A rule applies but cannot be applied; the reason is for the error message.
        case refuse(String)
    }

    /// Whether the body of a request with `head` can be recorded as it streams, chunk by
    /// chunk: no rule needs to see the whole body (request-scoped JSON field and body
    /// pattern rules, and query-parameter rules on a url-encoded form, do).
    public func canRedactStreamedBody(of head: RequestHead) -> Bool {
        guard index.touchesRequestBodies else { return true }
        let isForm = MediaType(head.headerFields[.contentType] ?? "").isFormURLEncoded
        return !rules.contains { rule in
            switch rule.kind {
            case .jsonField, .bodyPattern: return rule.scope.contains(.requests)
            case .queryParameter: return isForm
            case .header: return false
            }
        }
    }

    /// Decides how a response with `head` is written.
    func responseBodyPlan(for head: ResponseHead) -> ResponseBodyPlan {
        guard index.touchesResponseBodies else { return .passThrough }
        let mediaType = MediaType(head.headerFields[.contentType] ?? "")
        let applicable = rules.contains { rule in
            guard rule.scope.contains(.responses) else { return false }
            switch rule.kind {
            case .jsonField: return mediaType.isJSON
            case .bodyPattern: return mediaType.isTextual
            case .header, .queryParameter: return false
            }
        }
        guard applicable else { return .passThrough }
        var codings: [String] = []
        for value in head.headerFields[values: .contentEncoding] {
            for token in value.split(separator: ",") {
                let coding = String(token).trimmingCharacters(in: " \t").lowercased()
                if !coding.isEmpty && coding != "identity" { codings.append(coding) }
            }
        }
        if !codings.isEmpty {
            return .refuse("its body is \(codings.joined(separator: ", "))-encoded, so body rules cannot see inside it")
        }
        if let length = head.contentLength, length > Int64(maximumResponseBodyBytes) {
            return .refuse("its body (\(length) bytes) is larger than the \(maximumResponseBodyBytes)-byte redaction limit")
        }
        return .buffer
    }

    /// A whole response body with the response rules applied.
    func redactResponseBody(_ body: [UInt8], head: ResponseHead) -> [UInt8] {
        redactBody(body, scope: .responses, parseJSON: MediaType(head.headerFields[.contentType] ?? "").isJSON)
    }

    private func redactBody(_ body: [UInt8], scope: Scope, parseJSON: Bool) -> [UInt8] {
        var body = body
        let paths = rules.compactMap { rule -> JSONPath? in
            guard rule.scope.contains(scope), case .jsonField(let path) = rule.kind else { return nil }
            return path
        }
        if parseJSON, !paths.isEmpty, let document = JSONDocument(body) {
            body = redactJSON(body, document: document, paths: paths)
        }
        for rule in rules where rule.scope.contains(scope) {
            if case .bodyPattern(let pattern) = rule.kind, let regex = try? Regex(pattern) {
                body = redactPattern(regex, in: body)
            }
        }
        return body
    }

    private func redactJSON(_ body: [UInt8], document: JSONDocument, paths: [JSONPath]) -> [UInt8] {
        var ranges: [Range<Int>] = []
        var location: [JSONPath.Location] = []
        func visit(_ node: JSONDocument.Node) {
            if !location.isEmpty, paths.contains(where: { $0.matches(location) }) {
                ranges.append(node.range)
                return
            }
            switch node.value {
            case .object(let members):
                for member in members {
                    location.append(.member(member.key))
                    visit(member.value)
                    location.removeLast()
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    location.append(.index(index))
                    visit(element)
                    location.removeLast()
                }
            case .string, .number, .bool, .null:
                break
            }
        }
        visit(document.root)
        guard !ranges.isEmpty else { return body }
        var replacement: [UInt8] = []
        JSONDocument.writeString(placeholder, to: &replacement)
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var cursor = 0
        for range in ranges {  // in document order, never nested
            output += body[cursor..<range.lowerBound]
            output += replacement
            cursor = range.upperBound
        }
        output += body[cursor...]
        return output
    }

    private func redactPattern(_ regex: Regex<AnyRegexOutput>, in body: [UInt8]) -> [UInt8] {
        let isUTF8 = String(validating: body, as: UTF8.self) != nil
        let text = isUTF8
            ? String(decoding: body, as: UTF8.self)
            : String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
        var output = ""
        var cursor = text.startIndex
        var changed = false
        for match in text.matches(of: regex) {
            let range = match.output.count > 1 ? (match.output[1].range ?? match.range) : match.range
            guard range.lowerBound >= cursor, !range.isEmpty else { continue }
            output += text[cursor..<range.lowerBound] + placeholder
            cursor = range.upperBound
            changed = true
        }
        guard changed else { return body }
        output += text[cursor...]
        if isUTF8 { return Array(output.utf8) }
        var bytes: [UInt8] = []
        for scalar in output.unicodeScalars {
            if scalar.value < 256 { bytes.append(UInt8(scalar.value)) } else { bytes += Array(String(scalar).utf8) }
        }
        return bytes
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}

extension Redactor {
    /// The rules sorted by what they touch.
    private struct RuleIndex: Sendable {
        /// Headers whose values may hold a URL with a query to redact.
        static let urlValuedHeaderNames: Set<String> = ["referer", "location", "content-location"]

        /// Header names to redact, lowercased.
        var headerNames: Set<String> = []
        /// Query parameter names to redact.
        var queryParameterNames: Set<String> = []
        /// Whether a rule may change a request body: a request-scoped body rule, or a query
        /// parameter rule (url-encoded forms).
        var touchesRequestBodies = false
        /// Whether a response-scoped body rule exists.
        var touchesResponseBodies = false

        init(_ rules: [Rule]) {
            for rule in rules {
                switch rule.kind {
                case .header(let name):
                    headerNames.insert(name)
                case .queryParameter(let name):
                    queryParameterNames.insert(name)
                    touchesRequestBodies = true
                case .jsonField, .bodyPattern:
                    if rule.scope.contains(.requests) { touchesRequestBodies = true }
                    if rule.scope.contains(.responses) { touchesResponseBodies = true }
                }
            }
        }
    }
}
