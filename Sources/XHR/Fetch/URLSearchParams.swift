import TapeCore

/// The URL Standard's `URLSearchParams`: an ordered list of name-value pairs with the
/// application/x-www-form-urlencoded parser and serializer.
public struct URLSearchParams: Hashable, Sendable, CustomStringConvertible {
    /// One name-value pair.
    public struct Pair: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The list, in order.
    public private(set) var pairs: [Pair]

    /// An empty list.
    public init() {
        pairs = []
    }

    /// `new URLSearchParams(pairs)`.
    public init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs.map { Pair(name: $0.name, value: $0.value) }
    }

    /// `new URLSearchParams(string)`: a leading "?" is removed, then the string is parsed.
    public init(query: String) {
        var input = Substring(query)
        if input.hasPrefix("?") { input = input.dropFirst() }
        pairs = Self.parse(Array(input.utf8)).map { Pair(name: $0.name, value: $0.value) }
    }

    /// The application/x-www-form-urlencoded parser over bytes.
    ///
    /// Sequences are split on "&", each at its first "=", "+" becomes a space, then each part is
    /// percent-decoded and UTF-8 decoded without BOM (invalid bytes become U+FFFD).
    public static func parse(_ input: [UInt8]) -> [(name: String, value: String)] {
        var output: [(name: String, value: String)] = []
        for sequence in input.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let equals = sequence.firstIndex(of: UInt8(ascii: "=")) {
                name = sequence[sequence.startIndex..<equals]
                value = sequence[(equals + 1)...]
            } else {
                name = sequence
                value = []
            }
            output.append((decodeComponent(name), decodeComponent(value)))
        }
        return output
    }

    /// Replaces "+" by 0x20, percent-decodes, and UTF-8 decodes without BOM.
    private static func decodeComponent(_ bytes: ArraySlice<UInt8>) -> String {
        let plusReplaced = bytes.map { $0 == UInt8(ascii: "+") ? 0x20 : $0 }
        var decoder = UTF8ByteDecoder()
        return decoder.decodeReplacing(PercentEncoding.decode(plusReplaced)[...])
    }

    /// The application/x-www-form-urlencoded serializer (UTF-8, space as "+").
    public var serialized: String {
        pairs.map { PercentEncoding.encodeFormComponent($0.name) + "=" + PercentEncoding.encodeFormComponent($0.value) }
            .joined(separator: "&")
    }

    public var description: String { serialized }

    /// `append(name, value)`.
    public mutating func append(_ name: String, _ value: String) {
        pairs.append(Pair(name: name, value: value))
    }

    /// `delete(name, value)`: removes pairs with this name (and this value, when given).
    public mutating func delete(_ name: String, value: String? = nil) {
        pairs.removeAll { $0.name == name && (value == nil || $0.value == value) }
    }

    /// `get(name)`: the first value with this name.
    public func get(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `getAll(name)`.
    public func getAll(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// `has(name, value)`.
    public func has(_ name: String, value: String? = nil) -> Bool {
        pairs.contains { $0.name == name && (value == nil || $0.value == value) }
    }

    /// `set(name, value)`: replaces the first pair with this name and removes the others, or appends.
    public mutating func set(_ name: String, _ value: String) {
        guard let index = pairs.firstIndex(where: { $0.name == name }) else {
            append(name, value)
            return
        }
        pairs[index].value = value
        pairs = pairs.enumerated().filter { $0.offset <= index || $0.element.name != name }.map(\.element)
    }

    /// `sort()`: a stable sort by name, comparing UTF-16 code units as JavaScript does.
    public mutating func sort() {
        pairs = pairs.enumerated().sorted { lhs, rhs in
            let a = Array(lhs.element.name.utf16)
            let b = Array(rhs.element.name.utf16)
            if a == b { return lhs.offset < rhs.offset }
            return a.lexicographicallyPrecedes(b)
        }.map(\.element)
    }
}
