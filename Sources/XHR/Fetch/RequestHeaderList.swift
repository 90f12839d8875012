/// XHR's "author request headers": an ordered Fetch header list with its combine/set/delete.
///
/// A name keeps the case it was first added with; lookups are byte-case-insensitive. Names and
/// values are isomorphic strings.
public struct RequestHeaderList: Hashable, Sendable, Sequence {
    /// One header of the list.
    public struct Header: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The headers in order.
    public private(set) var headers: [Header] = []

    public init() {}

    public init(_ headers: [(name: String, value: String)]) {
        for header in headers { append(name: header.name, value: header.value) }
    }

    public var isEmpty: Bool { headers.isEmpty }

    public func makeIterator() -> IndexingIterator<[Header]> {
        headers.makeIterator()
    }

    /// Whether a header named `name` is present ("contains").
    public func contains(_ name: String) -> Bool {
        headers.contains { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }
    }

    /// "Get": the values named `name` joined with ", ", or nil.
    public func get(_ name: String) -> String? {
        let values = headers.filter { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// "Combine", as `setRequestHeader()` step 6 does: appends ", value" to the first header with
    /// this name, or appends a new header.
    public mutating func combine(name: String, value: String) {
        if let index = headers.firstIndex(where: { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }) {
            headers[index].value += ", " + value
        } else {
            headers.append(Header(name: name, value: value))
        }
    }

    /// "Append": adds a header, reusing the case of an existing header with this name.
    public mutating func append(name: String, value: String) {
        let existing = headers.first { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }?.name
        headers.append(Header(name: existing ?? name, value: value))
    }

    /// "Set": replaces the first header with this name and removes the others, or appends.
    ///
    /// The first header's name keeps its case, as in Fetch.
    public mutating func set(name: String, value: String) {
        guard let index = headers.firstIndex(where: { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }) else {
            headers.append(Header(name: name, value: value))
            return
        }
        headers[index].value = value
        var position = headers.index(after: index)
        while position < headers.endIndex {
            if HTTPGrammar.equalsIgnoringASCIICase(headers[position].name, name) {
                headers.remove(at: position)
            } else {
                position += 1
            }
        }
    }

    /// "Delete": removes every header with this name.
    public mutating func delete(_ name: String) {
        headers.removeAll { HTTPGrammar.equalsIgnoringASCIICase($0.name, name) }
    }

    /// The list as (name, value) pairs in order, for a transport.
    public var pairs: [(name: String, value: String)] {
        headers.map { ($0.name, $0.value) }
    }
}
