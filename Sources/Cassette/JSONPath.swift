/// A small JSONPath subset naming the body fields a redaction rule removes.
///
/// - `$` is the root; `.name` a member; `[3]` an array element; `[*]` or `.*` any member or
///   element; `..name` a member called `name` at any depth below.
/// - A path without a leading `$` means "this member anywhere": `password` is `$..password`.
///
/// Examples: `$.user.password`, `$.items[*].token`, `$..secret`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    enum Segment: Hashable, Sendable {
        case member(String)
        case index(Int)
        case wildcard
        case descendant(String)
    }

    /// One step of a concrete location in a document.
    enum Location: Hashable {
        case member(String)
        case index(Int)
    }

    let segments: [Segment]
    let description: String

    /// Parses `text`; nil if it is not in the subset above.
    init?(_ text: String) {
        self.description = text
        var rest = Substring(text)
        var segments: [Segment] = []
        if rest.hasPrefix("$") {
            rest = rest.dropFirst()
        } else {
            guard let first = rest.first, first != "." && first != "[" else { return nil }
            rest = ".." + rest
        }
        func takeName() -> String? {
            let name = rest.prefix { $0 != "." && $0 != "[" }
            rest = rest.dropFirst(name.count)
            return name.isEmpty ? nil : String(name)
        }
        while !rest.isEmpty {
            if rest.hasPrefix("..") {
                rest = rest.dropFirst(2)
                guard let name = takeName(), name != "*" else { return nil }
                segments.append(.descendant(name))
            } else if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                guard let name = takeName() else { return nil }
                segments.append(name == "*" ? .wildcard : .member(name))
            } else if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                if inside == "*" {
                    segments.append(.wildcard)
                } else if let index = Int(inside), index >= 0 {
                    segments.append(.index(index))
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    /// True when `location` (from the root) is exactly what this path names.
    func matches(_ location: [Location]) -> Bool {
        Self.matches(segments[...], location[...])
    }

    private static func matches(_ segments: ArraySlice<Segment>, _ location: ArraySlice<Location>) -> Bool {
        guard let segment = segments.first else { return location.isEmpty }
        switch segment {
        case .descendant(let name):
            // Skip any number of steps, then the member `name`.
            var rest = location
            while let step = rest.first {
                rest = rest.dropFirst()
                if step == .member(name), matches(segments.dropFirst(), rest) { return true }
            }
            return false
        case .member(let name):
            guard location.first == .member(name) else { return false }
        case .index(let index):
            guard location.first == .index(index) else { return false }
        case .wildcard:
            guard !location.isEmpty else { return false }
        }
        return matches(segments.dropFirst(), location.dropFirst())
    }
}
