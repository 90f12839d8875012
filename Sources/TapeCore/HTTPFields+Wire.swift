public import HTTPTypes

extension HTTPFields {
    /// The fields as they crossed the wire: names with their original case, in order.
    public var wirePairs: [(name: String, value: String)] {
        self.map { (name: $0.name.rawName, value: $0.value) }
    }

    /// True when both lists hold the same names (same case) and values in the same order.
    ///
    /// `HTTPFields.==` compares names case-insensitively and ignores the relative order
    /// of different names; a recording must keep both, so heads compare with this.
    public func isWireIdentical(to other: HTTPFields) -> Bool {
        guard self.count == other.count else { return false }
        return zip(self, other).allSatisfy { lhs, rhs in
            lhs.name.rawName == rhs.name.rawName && lhs.value == rhs.value
        }
    }

    /// Builds fields from wire pairs, keeping order and case; nil if a name is not a valid token.
    public init?(wirePairs: [(name: String, value: String)]) {
        self.init()
        for pair in wirePairs {
            guard let name = HTTPField.Name(pair.name) else { return nil }
            self.append(HTTPField(name: name, lenientValue: Array(pair.value.utf8)))
        }
    }

    /// Hashes names (original case) and values in order, to match ``isWireIdentical(to:)``.
    func hashWireForm(into hasher: inout Hasher) {
        hasher.combine(self.count)
        for field in self {
            hasher.combine(field.name.rawName)
            hasher.combine(field.value)
        }
    }
}
