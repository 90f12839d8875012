/// Request bodies in the form ``MatchOptions/BodyMatching`` compares, and the first place two
/// bodies differ.
enum NormalizedBody {
    /// The bytes that must be equal for two bodies to match under `mode`.
    static func normalize(_ body: [UInt8], as mode: MatchOptions.BodyMatching) -> [UInt8] {
        switch mode {
        case .exact:
            return body
        case .json:
            return JSONDocument(body)?.canonicalBytes ?? body
        case .form:
            let text = String(decoding: body, as: UTF8.self)
            let pairs = QueryPair.parse(Substring(text)).enumerated().sorted { lhs, rhs in
                lhs.element.name == rhs.element.name ? lhs.offset < rhs.offset : lhs.element.name < rhs.element.name
            }
            return Array(pairs.map { QueryPair.encode($0.element.name) + "=" + QueryPair.encode($0.element.value) }
                .joined(separator: "&").utf8)
        }
    }

    /// Describes where `requested` first differs from `recorded` (which must differ under `mode`).
    static func difference(recorded: [UInt8], requested: [UInt8], as mode: MatchOptions.BodyMatching) -> MatchDifference {
        switch mode {
        case .json:
            if let left = JSONDocument(recorded), let right = JSONDocument(requested),
               let found = firstJSONDifference(left.root, right.root, path: "$") {
                return MatchDifference(.body, name: found.path, recorded: found.recorded, requested: found.requested)
            }
        case .form:
            let left = QueryPair.parse(Substring(String(decoding: recorded, as: UTF8.self)))
            let right = QueryPair.parse(Substring(String(decoding: requested, as: UTF8.self)))
            var names: [String] = []
            for pair in left + right where !names.contains(pair.name) { names.append(pair.name) }
            for name in names {
                let a = left.filter { $0.name == name }.map(\.value)
                let b = right.filter { $0.name == name }.map(\.value)
                if a != b {
                    return MatchDifference(
                        .body, name: name,
                        recorded: a.isEmpty ? nil : a.joined(separator: "&"),
                        requested: b.isEmpty ? nil : b.joined(separator: "&"))
                }
            }
        case .exact:
            break
        }
        var offset = 0
        while offset < min(recorded.count, requested.count), recorded[offset] == requested[offset] { offset += 1 }
        return MatchDifference(
            .body, name: "byte \(offset)",
            recorded: "\(recorded.count) bytes", requested: "\(requested.count) bytes")
    }

    private static func firstJSONDifference(
        _ left: JSONDocument.Node, _ right: JSONDocument.Node, path: String
    ) -> (path: String, recorded: String?, requested: String?)? {
        func text(_ node: JSONDocument.Node) -> String {
            String(decoding: JSONDocument.canonicalBytes(of: node), as: UTF8.self)
        }
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            var keys: [String] = []
            for member in a + b where !keys.contains(member.key) { keys.append(member.key) }
            for key in keys {
                let x = a.first { $0.key == key }?.value
                let y = b.first { $0.key == key }?.value
                let childPath = path + "." + key
                switch (x, y) {
                case (let x?, let y?):
                    if let found = firstJSONDifference(x, y, path: childPath) { return found }
                case (let x?, nil):
                    return (childPath, text(x), nil)
                case (nil, let y?):
                    return (childPath, nil, text(y))
                case (nil, nil):
                    break
                }
            }
            return nil
        case (.array(let a), .array(let b)):
            for index in 0..<max(a.count, b.count) {
                let childPath = path + "[\(index)]"
                if index >= a.count { return (childPath, nil, text(b[index])) }
                if index >= b.count { return (childPath, text(a[index]), nil) }
                if let found = firstJSONDifference(a[index], b[index], path: childPath) { return found }
            }
            return nil
        default:
            let (x, y) = (text(left), text(right))
            return x == y ? nil : (path, x, y)
        }
    }
}
