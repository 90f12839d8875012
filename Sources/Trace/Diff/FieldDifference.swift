/// One field whose value differs between the expected and the actual side of a diff.
public struct FieldDifference: Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the trace or cassette calls it (`status`, `loaded`, `timeout` …).
    public var field: String
    /// The expected side's value as text; nil when that side has no such field.
    public var expected: String?
    /// The actual side's value as text; nil when that side has no such field.
    public var actual: String?

    /// Creates a difference.
    public init(_ field: String, expected: String?, actual: String?) {
        self.field = field
        self.expected = expected
        self.actual = actual
    }

    /// `status 200 → 404`; an absent value shows as `(none)`.
    public var description: String {
        "\(field) \(expected ?? "(none)") → \(actual ?? "(none)")"
    }

    /// The difference between two values of one field, or nil when they are equal.
    static func compare<Value: Equatable>(_ field: String, _ expected: Value?, _ actual: Value?) -> FieldDifference? {
        guard expected != actual else { return nil }
        return FieldDifference(field, expected: expected.map { "\($0)" }, actual: actual.map { "\($0)" })
    }

    var jsonObject: JSONLineWriter {
        var object = JSONLineWriter()
        object.add("field", field)
        object.add("expected", expected)
        object.add("actual", actual)
        return object
    }
}
