import HTTPTypes
import TapeCore

/// One way two header lists differ. Names compare without case; order counts.
public enum HeaderDifference: Sendable, Hashable, CustomStringConvertible {
    /// Only the actual list has this field, at this position.
    case added(name: String, value: String, position: Int)
    /// Only the expected list has this field, at this position.
    case removed(name: String, value: String, position: Int)
    /// Both lists have a field of this name, with different values.
    case changed(name: String, expected: String, actual: String)
    /// The same field (name and value) with its name in another case (`content-type` for
    /// `Content-Type`).
    case renamed(expected: String, actual: String, value: String)
    /// The same field at another position relative to the others.
    case moved(name: String, value: String, from: Int, to: Int)

    public var description: String {
        switch self {
        case .added(let name, let value, _): "\(name): \(value)"
        case .removed(let name, let value, _): "\(name): \(value)"
        case .changed(let name, let expected, let actual): "\(name): \(expected) → \(actual)"
        case .renamed(let expected, let actual, _): "name case \(expected) → \(actual)"
        case .moved(let name, _, let from, let to): "\(name) moved from position \(from) to \(to)"
        }
    }

    /// The differences between two header lists: name-case changes of aligned fields, then
    /// moves, value changes, removals and additions.
    ///
    /// Fields are aligned on name (without case) and value, so one added field is one
    /// difference. Unmatched fields that appear on both sides are moves; unmatched fields of the
    /// same name are value changes; the rest are added or removed.
    ///
    /// - Parameters:
    ///   - expected: The expected side's fields.
    ///   - actual: The actual side's fields.
    ///   - ignoring: Names (any case) left out of the comparison, such as `Date`.
    static func compare(_ expected: HTTPFields, _ actual: HTTPFields, ignoring: Set<String> = []) -> [HeaderDifference] {
        let ignored = Set(ignoring.map { $0.lowercased() })
        typealias Field = (key: String, name: String, value: String, position: Int)
        func fields(_ list: HTTPFields) -> [Field] {
            list.enumerated()
                .filter { !ignored.contains($0.element.name.canonicalName) }
                .map { (key: $0.element.name.canonicalName, name: $0.element.name.rawName, value: $0.element.value, position: $0.offset) }
        }
        let (left, right) = (fields(expected), fields(actual))
        var differences: [HeaderDifference] = []
        var removed: [Field] = []
        var inserted: [Field] = []
        for step in SequenceAlignment.align(left, right, same: { $0.key == $1.key && $0.value == $1.value }) {
            switch step {
            case .both(let i, let j):
                if left[i].name != right[j].name {
                    differences.append(.renamed(expected: left[i].name, actual: right[j].name, value: left[i].value))
                }
            case .onlyLeft(let i): removed.append(left[i])
            case .onlyRight(let j): inserted.append(right[j])
            }
        }
        // Same field elsewhere: a move.
        for field in removed {
            if let index = inserted.firstIndex(where: { $0.key == field.key && $0.value == field.value }) {
                let other = inserted.remove(at: index)
                differences.append(.moved(name: other.name, value: other.value, from: field.position, to: other.position))
                if field.name != other.name {
                    differences.append(.renamed(expected: field.name, actual: other.name, value: field.value))
                }
                removed.removeAll { $0.position == field.position }
            }
        }
        // Same name, other value: a change.
        for field in removed {
            if let index = inserted.firstIndex(where: { $0.key == field.key }) {
                let other = inserted.remove(at: index)
                differences.append(.changed(name: other.name, expected: field.value, actual: other.value))
                if field.name != other.name {
                    differences.append(.renamed(expected: field.name, actual: other.name, value: other.value))
                }
            } else {
                differences.append(.removed(name: field.name, value: field.value, position: field.position))
            }
        }
        differences += inserted.map { .added(name: $0.name, value: $0.value, position: $0.position) }
        return differences
    }
}
