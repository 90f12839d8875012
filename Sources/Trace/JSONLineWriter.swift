/// Writes one JSON object with keys in the order they are added, integers only for
/// numbers: the byte-exact form the trace format asks for (DESIGN.md "Trace format").
struct JSONLineWriter {
    private var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: String) { addRaw(key, Self.quoted(value)) }
    mutating func add(_ key: String, _ value: Int64) { addRaw(key, String(value)) }
    mutating func add(_ key: String, _ value: Int) { addRaw(key, String(value)) }
    mutating func add(_ key: String, _ value: Bool) { addRaw(key, value ? "true" : "false") }
    mutating func add(_ key: String, object: JSONLineWriter) { addRaw(key, object.finished) }

    mutating func addRaw(_ key: String, _ json: String) {
        if !first { text += "," }
        first = false
        text += Self.quoted(key) + ":" + json
    }

    /// The object's text, without a newline.
    var finished: String { text + "}" }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\r`,
    /// `\t` or `\u00XX`, everything else as UTF-8.
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
