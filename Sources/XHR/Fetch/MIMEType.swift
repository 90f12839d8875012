/// A MIME type record from the WHATWG MIME Sniffing Standard, with Fetch's "extract a MIME type".
///
/// Values are immutable except for parameters, which the XHR `send()` Content-Type rewrite
/// changes through ``setParameter(_:to:)``.
public struct MIMEType: Hashable, Sendable, CustomStringConvertible {
    /// One entry of the ordered ``parameters`` map.
    public struct Parameter: Hashable, Sendable {
        /// The name: ASCII-lowercase, non-empty HTTP token code points.
        public var name: String
        /// The value: HTTP quoted-string token code points, already unquoted and unescaped.
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The type, ASCII-lowercased (such as "text").
    public let type: String
    /// The subtype, ASCII-lowercased (such as "html" or "svg+xml").
    public let subtype: String
    /// The parameters in input order; names are unique and ASCII-lowercase.
    public private(set) var parameters: [Parameter]

    /// The "essence": type "/" subtype.
    public var essence: String { type + "/" + subtype }

    /// The value of the `charset` parameter, exactly as parsed (not validated as an encoding label).
    public var charset: String? { self[parameter: "charset"] }

    /// Whether this is an "XML MIME type": a subtype ending in "+xml", or essence text/xml or
    /// application/xml.
    public var isXML: Bool {
        subtype.hasSuffix("+xml") || essence == "text/xml" || essence == "application/xml"
    }

    /// Whether this is an "HTML MIME type": essence text/html.
    public var isHTML: Bool { essence == "text/html" }

    /// The value of the parameter named `name` (matched ASCII case-insensitively), or nil.
    public subscript(parameter name: String) -> String? {
        let key = HTTPGrammar.asciiLowercased(name)
        return parameters.first { $0.name == key }?.value
    }

    /// The map "set" on ``parameters``: replaces the value in place, or appends a new parameter.
    ///
    /// - Precondition: `name` is a non-empty token and `value` solely HTTP quoted-string token
    ///   code points, so the record stays serializable.
    public mutating func setParameter(_ name: String, to value: String) {
        precondition(HTTPGrammar.isToken(name), "MIME parameter name \(name) is not an HTTP token")
        precondition(value.unicodeScalars.allSatisfy(HTTPGrammar.isQuotedStringTokenCodePoint),
                     "MIME parameter value \(value) has code points outside HTTP quoted-string token code points")
        let key = HTTPGrammar.asciiLowercased(name)
        if let index = parameters.firstIndex(where: { $0.name == key }) {
            parameters[index].value = value
        } else {
            parameters.append(Parameter(name: key, value: value))
        }
    }

    /// Creates a MIME type from parts that are already valid (lowercased here).
    ///
    /// - Returns: nil if `type` or `subtype` is not a non-empty HTTP token.
    public init?(type: String, subtype: String, parameters: [Parameter] = []) {
        guard HTTPGrammar.isToken(type), HTTPGrammar.isToken(subtype) else { return nil }
        self.type = HTTPGrammar.asciiLowercased(type)
        self.subtype = HTTPGrammar.asciiLowercased(subtype)
        self.parameters = []
        for parameter in parameters where self[parameter: parameter.name] == nil {
            setParameter(parameter.name, to: parameter.value)
        }
    }

    /// "Parse a MIME type": nil where the standard returns failure.
    ///
    /// - Parameter string: A string such as a Content-Type header value or an
    ///   `overrideMimeType()` argument.
    public init?(_ string: String) {
        // Step 1: strip leading and trailing HTTP whitespace.
        let input = Array(HTTPGrammar.trimmed(Substring(string).unicodeScalars, where: HTTPGrammar.isWhitespace))
        var position = 0
        // Steps 3-4.
        let typeStart = position
        while position < input.count, input[position] != "/" { position += 1 }
        let type = input[typeStart..<position]
        guard !type.isEmpty, type.allSatisfy(HTTPGrammar.isTokenCodePoint) else { return nil }
        // Steps 5-6.
        guard position < input.count else { return nil }
        position += 1
        // Steps 7-9.
        let subtypeStart = position
        while position < input.count, input[position] != ";" { position += 1 }
        var subtype = input[subtypeStart..<position]
        while let last = subtype.last, HTTPGrammar.isWhitespace(last) { subtype.removeLast() }
        guard !subtype.isEmpty, subtype.allSatisfy(HTTPGrammar.isTokenCodePoint) else { return nil }
        // Step 10.
        self.type = HTTPGrammar.asciiLowercased(String(String.UnicodeScalarView(type)))
        self.subtype = HTTPGrammar.asciiLowercased(String(String.UnicodeScalarView(subtype)))
        self.parameters = []
        // Step 11.
        while position < input.count {
            // 11.1: skip ";".
            position += 1
            // 11.2.
            while position < input.count, HTTPGrammar.isWhitespace(input[position]) { position += 1 }
            // 11.3-11.4.
            let nameStart = position
            while position < input.count, input[position] != ";", input[position] != "=" { position += 1 }
            let name = HTTPGrammar.asciiLowercased(String(String.UnicodeScalarView(input[nameStart..<position])))
            // 11.5.
            if position < input.count {
                if input[position] == ";" { continue }
                position += 1  // skip "="
            }
            // 11.6.
            guard position < input.count else { break }
            // 11.7-11.9.
            var value: String
            if input[position] == "\"" {
                value = HTTPGrammar.collectQuotedString(input, position: &position, extractValue: true)
                while position < input.count, input[position] != ";" { position += 1 }
            } else {
                let valueStart = position
                while position < input.count, input[position] != ";" { position += 1 }
                var scalars = input[valueStart..<position]
                while let last = scalars.last, HTTPGrammar.isWhitespace(last) { scalars.removeLast() }
                value = String(String.UnicodeScalarView(scalars))
                if value.isEmpty { continue }
            }
            // 11.10.
            if HTTPGrammar.isToken(name),
               value.unicodeScalars.allSatisfy(HTTPGrammar.isQuotedStringTokenCodePoint),
               self[parameter: name] == nil {
                parameters.append(Parameter(name: name, value: value))
            }
        }
    }

    /// "Parse a MIME type from bytes": the bytes are isomorphic decoded, then parsed.
    public init?(bytes: [UInt8]) {
        self.init(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })))
    }

    /// "Serialize a MIME type".
    public var serialized: String {
        var serialization = essence
        for parameter in parameters {
            serialization += ";" + parameter.name + "="
            var value = parameter.value
            // Step 2.4: quote values that are empty or not solely token code points.
            if value.isEmpty || !HTTPGrammar.isToken(value) {
                var escaped = String.UnicodeScalarView()
                for scalar in value.unicodeScalars {
                    if scalar == "\"" || scalar == "\\" { escaped.append("\\") }
                    escaped.append(scalar)
                }
                value = "\"" + String(escaped) + "\""
            }
            serialization += value
        }
        return serialization
    }

    /// "Serialize a MIME type to bytes": the serialization, isomorphic encoded.
    public var serializedBytes: [UInt8] {
        // Parameter values are limited to U+0000...U+00FF and the rest is ASCII.
        serialized.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    public var description: String { serialized }

    /// Fetch's "extract a MIME type" from the values of a header list's `Content-Type` headers.
    ///
    /// The values are combined and split on commas outside quoted strings ("get, decode, and
    /// split"). The last parsable value that is not `*/*` wins; when it has no charset but an
    /// earlier value with the same essence had one, that charset is kept.
    /// - Parameter contentTypeValues: Every `Content-Type` value, in header-list order
    ///   (isomorphic strings).
    /// - Returns: The MIME type, or nil for failure (including when there is no value).
    public static func extract(contentTypeValues: [String]) -> MIMEType? {
        // Steps 4-5.
        guard !contentTypeValues.isEmpty else { return nil }
        let values = HeaderRules.getDecodeSplit(contentTypeValues.joined(separator: ", "))
        var charset: String?
        var essence: String?
        var mimeType: MIMEType?
        // Step 6.
        for value in values {
            guard var temporary = MIMEType(value), temporary.essence != "*/*" else { continue }
            if temporary.essence != essence {
                charset = temporary.charset
                essence = temporary.essence
            } else if temporary.charset == nil, let charset {
                temporary.setParameter("charset", to: charset)
            }
            mimeType = temporary
        }
        return mimeType
    }

    /// Fetch's "extract a MIME type" from a header list (names matched case-insensitively).
    ///
    /// - Parameter headers: The header list in wire order.
    public static func extract(from headers: [(name: String, value: String)]) -> MIMEType? {
        extract(contentTypeValues: headers.filter { HTTPGrammar.equalsIgnoringASCIICase($0.name, "content-type") }.map(\.value))
    }
}
