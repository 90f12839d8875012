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
               let found = left.differences(to: right, limit: 1).first {
                return MatchDifference(.body, name: found.path, recorded: found.expected, requested: found.actual)
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
}
