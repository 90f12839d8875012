/// A parsed JSON text that remembers where each value sits in the original bytes.
///
/// Redaction uses the byte ranges to replace a value in place, leaving every other byte of the
/// body as it was; matching uses ``canonicalBytes`` to compare bodies regardless of key order,
/// whitespace and string escapes. Written here rather than with `JSONSerialization` because
/// both need exact control over the bytes (and number literals must not pass through `Double`).
package struct JSONDocument {
    /// A JSON value with its byte range in the source.
    package struct Node {
        package indirect enum Value {
            case object([(key: String, value: Node)])
            case array([Node])
            case string(String)
            /// The number literal as written.
            case number(String)
            case bool(Bool)
            case null
        }

        package var value: Value
        package var range: Range<Int>
    }

    /// The deepest nesting accepted, so hostile input cannot exhaust the stack.
    static let maximumDepth = 256

    package let root: Node

    /// Parses `bytes` (RFC 8259, surrounding whitespace allowed); nil if they are not JSON.
    package init?(_ bytes: [UInt8]) {
        var parser = Parser(bytes: bytes)
        guard let root = parser.parseDocument() else { return nil }
        self.root = root
    }

    /// A canonical encoding: no whitespace, object keys sorted by their UTF-8 bytes (duplicates
    /// kept in order), strings with minimal escapes, numbers normalised when they are not plain
    /// integers.
    var canonicalBytes: [UInt8] {
        Self.canonicalBytes(of: root)
    }

    /// The canonical encoding of one value (see ``canonicalBytes``).
    package static func canonicalBytes(of node: Node) -> [UInt8] {
        var output: [UInt8] = []
        writeCanonical(node, to: &output)
        return output
    }

    private static func writeCanonical(_ node: Node, to output: inout [UInt8]) {
        switch node.value {
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.enumerated().sorted { lhs, rhs in
                let (a, b) = (Array(lhs.element.key.utf8), Array(rhs.element.key.utf8))
                return a == b ? lhs.offset < rhs.offset : a.lexicographicallyPrecedes(b)
            }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.element.key, to: &output)
                output.append(UInt8(ascii: ":"))
                writeCanonical(member.element.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeCanonical(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            writeString(text, to: &output)
        case .number(let literal):
            output += canonicalNumber(literal).utf8
        case .bool(let flag):
            output += (flag ? "true" : "false").utf8
        case .null:
            output += "null".utf8
        }
    }

    /// Integers stay as written (minus a negative zero's sign); anything with a fraction or an
    /// exponent is compared by value.
    private static func canonicalNumber(_ literal: String) -> String {
        if !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return literal == "-0" ? "0" : literal
        }
        guard let value = Double(literal) else { return literal }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Writes `text` as a JSON string with only the escapes JSON requires.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func parseDocument() -> Node? {
            skipWhitespace()
            guard let node = parseValue(depth: 0) else { return nil }
            skipWhitespace()
            return index == bytes.count ? node : nil
        }

        private mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func parseValue(depth: Int) -> Node? {
            guard depth < JSONDocument.maximumDepth, index < bytes.count else { return nil }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: Node)] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return Node(value: .object(members), range: start..<index)
                }
                while true {
                    skipWhitespace()
                    guard let key = parseString() else { return nil }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipWhitespace()
                    guard let value = parseValue(depth: depth + 1) else { return nil }
                    members.append((key, value))
                    skipWhitespace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    index += 1
                    return Node(value: .object(members), range: start..<index)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [Node] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return Node(value: .array(elements), range: start..<index)
                }
                while true {
                    skipWhitespace()
                    guard let element = parseValue(depth: depth + 1) else { return nil }
                    elements.append(element)
                    skipWhitespace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { return nil }
                    index += 1
                    return Node(value: .array(elements), range: start..<index)
                }
            case UInt8(ascii: "\""):
                guard let text = parseString() else { return nil }
                return Node(value: .string(text), range: start..<index)
            case UInt8(ascii: "t"):
                return parseLiteral("true", .bool(true), start: start)
            case UInt8(ascii: "f"):
                return parseLiteral("false", .bool(false), start: start)
            case UInt8(ascii: "n"):
                return parseLiteral("null", .null, start: start)
            default:
                guard let literal = parseNumber() else { return nil }
                return Node(value: .number(literal), range: start..<index)
            }
        }

        private mutating func parseLiteral(_ word: String, _ value: Node.Value, start: Int) -> Node? {
            let word = Array(word.utf8)
            guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word else { return nil }
            index += word.count
            return Node(value: value, range: start..<index)
        }

        private mutating func parseNumber() -> String? {
            let start = index
            func digits() -> Int {
                let first = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - first
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let integerStart = index
            let integerDigits = digits()
            guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return nil }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Parses a string at `index` (which must be a quote) and returns its decoded text.
        private mutating func parseString() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var scalars = String.UnicodeScalarView()
            var pendingHighSurrogate: UInt32?
            var plainStart = index
            func flushPlain(upTo end: Int) -> Bool {
                guard plainStart < end else { return true }
                guard let text = String(validating: bytes[plainStart..<end], as: UTF8.self) else { return false }
                scalars.append(contentsOf: text.unicodeScalars)
                return true
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard pendingHighSurrogate == nil, flushPlain(upTo: index) else { return nil }
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { return nil }
                if byte != UInt8(ascii: "\\") {
                    guard pendingHighSurrogate == nil else { return nil }
                    index += 1
                    continue
                }
                guard flushPlain(upTo: index), index + 1 < bytes.count else { return nil }
                let escape = bytes[index + 1]
                index += 2
                if escape == UInt8(ascii: "u") {
                    guard index + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { return nil }
                    index += 4
                    if let high = pendingHighSurrogate {
                        guard (0xDC00...0xDFFF).contains(code),
                              let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                        else { return nil }
                        scalars.append(scalar)
                        pendingHighSurrogate = nil
                    } else if (0xD800...0xDBFF).contains(code) {
                        pendingHighSurrogate = code
                    } else {
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        scalars.append(scalar)
                    }
                } else {
                    guard pendingHighSurrogate == nil else { return nil }
                    let decoded: Unicode.Scalar
                    switch escape {
                    case UInt8(ascii: "\""): decoded = "\""
                    case UInt8(ascii: "\\"): decoded = "\\"
                    case UInt8(ascii: "/"): decoded = "/"
                    case UInt8(ascii: "b"): decoded = "\u{08}"
                    case UInt8(ascii: "f"): decoded = "\u{0C}"
                    case UInt8(ascii: "n"): decoded = "\n"
                    case UInt8(ascii: "r"): decoded = "\r"
                    case UInt8(ascii: "t"): decoded = "\t"
                    default: return nil
                    }
                    scalars.append(decoded)
                }
                plainStart = index
            }
            return nil
        }
    }
}
