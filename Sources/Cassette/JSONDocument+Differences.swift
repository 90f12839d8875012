import TapeCore

extension JSONDocument {
    /// One place where two JSON documents differ.
    package struct Difference: Hashable, Sendable {
        /// The JSON path of the value: `$.user.tags[2]`, `$["content-type"]`.
        package var path: String
        /// The expected value in canonical JSON text; nil when only the other side has it.
        package var expected: String?
        /// The actual value in canonical JSON text; nil when only the expected side has it.
        package var actual: String?
    }

    /// Where `actual` differs from this document, by path, in document order.
    ///
    /// Objects are compared by key regardless of order (the first of duplicate keys counts).
    /// Array elements are aligned, so one inserted or removed element is one difference rather
    /// than a difference at every later index; elements left unmatched between two aligned ones
    /// are compared pairwise. Numbers, strings and literals are compared canonically (`2.50`
    /// equals `2.5`, `"\u00e9"` equals `"é"`).
    ///
    /// - Parameters:
    ///   - actual: The document to compare with.
    ///   - limit: The most differences to return.
    package func differences(to actual: JSONDocument, limit: Int = .max) -> [Difference] {
        var found: [Difference] = []
        Self.collect(root, actual.root, path: "$", limit: limit, into: &found)
        return found
    }

    private static func collect(_ left: Node, _ right: Node, path: String, limit: Int, into found: inout [Difference]) {
        guard found.count < limit else { return }
        func text(_ node: Node) -> String { String(decoding: canonicalBytes(of: node), as: UTF8.self) }
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            var keys: [String] = []
            var seen = Set<String>()
            for member in a + b where seen.insert(member.key).inserted { keys.append(member.key) }
            for key in keys {
                let childPath = path + member(key)
                switch (a.first(where: { $0.key == key })?.value, b.first(where: { $0.key == key })?.value) {
                case (let x?, let y?): collect(x, y, path: childPath, limit: limit, into: &found)
                case (let x?, nil): found.append(Difference(path: childPath, expected: text(x), actual: nil))
                case (nil, let y?): found.append(Difference(path: childPath, expected: nil, actual: text(y)))
                case (nil, nil): break
                }
                if found.count >= limit { return }
            }
        case (.array(let a), .array(let b)):
            let (left, right) = (a.map(canonicalBytes(of:)), b.map(canonicalBytes(of:)))
            var removed: [Int] = []
            var inserted: [Int] = []
            func flush() {
                for (i, j) in zip(removed, inserted) {
                    collect(a[i], b[j], path: path + "[\(i)]", limit: limit, into: &found)
                }
                for i in removed.dropFirst(inserted.count) {
                    found.append(Difference(path: path + "[\(i)]", expected: text(a[i]), actual: nil))
                }
                for j in inserted.dropFirst(removed.count) {
                    found.append(Difference(path: path + "[\(j)]", expected: nil, actual: text(b[j])))
                }
                removed = []
                inserted = []
            }
            for step in SequenceAlignment.align(left, right, same: ==) {
                switch step {
                case .both: flush()
                case .onlyLeft(let i): removed.append(i)
                case .onlyRight(let j): inserted.append(j)
                }
            }
            flush()
            if found.count > limit { found.removeLast(found.count - limit) }
        default:
            let (x, y) = (text(left), text(right))
            if x != y { found.append(Difference(path: path, expected: x, actual: y)) }
        }
    }

    /// `.name` for a plain name, `["odd name"]` otherwise.
    private static func member(_ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x24
        } && !(0x30...0x39).contains(key.utf8.first!)
        if plain { return "." + key }
        var quoted: [UInt8] = []
        writeString(key, to: &quoted)
        return "[" + String(decoding: quoted, as: UTF8.self) + "]"
    }
}
