import TapeCore

/// Writes one JSON object with keys in the order they are added, integers only for
/// numbers: the byte-exact form the trace format asks for (DESIGN.md "Trace format").
struct JSONLineWriter {
    private var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: String) { addRaw(key, value.jsonStringLiteral) }
    mutating func add(_ key: String, _ value: Int64) { addRaw(key, String(value)) }
    mutating func add(_ key: String, _ value: Int) { addRaw(key, String(value)) }
    mutating func add(_ key: String, _ value: Bool) { addRaw(key, value ? "true" : "false") }
    mutating func add(_ key: String, object: JSONLineWriter) { addRaw(key, object.finished) }

    mutating func addRaw(_ key: String, _ json: String) {
        if !first { text += "," }
        first = false
        text += key.jsonStringLiteral + ":" + json
    }

    /// The object's text, without a newline.
    var finished: String { text + "}" }
}

extension JSONLineWriter {
    /// Adds `value`, or `null` when it is nil.
    mutating func add(_ key: String, _ value: String?) {
        if let value { add(key, value) } else { addRaw(key, "null") }
    }

    /// Adds an array of objects.
    mutating func add(_ key: String, objects: [JSONLineWriter]) {
        addRaw(key, "[" + objects.map(\.finished).joined(separator: ",") + "]")
    }

    /// Adds an array of strings.
    mutating func add(_ key: String, strings: [String]) {
        addRaw(key, "[" + strings.map(\.jsonStringLiteral).joined(separator: ",") + "]")
    }
}
