/// One way a recorded request differs from a live one, as replay explains a miss.
///
/// `recorded` and `requested` hold the two values; nil means the value is absent on that side (a
/// query parameter or header that only one request has).
public struct MatchDifference: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the request differs. New fields may be added without breaking callers.
    public struct Field: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case method, scheme, host, port, path, queryParameter, queryOrder, header, body, custom
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The method (`GET` against `POST`).
        public static let method = Field(.method)
        /// The URL scheme (`http` against `https`).
        public static let scheme = Field(.scheme)
        /// The host.
        public static let host = Field(.host)
        /// The port (default ports are equal to no port).
        public static let port = Field(.port)
        /// The normalised path.
        public static let path = Field(.path)
        /// One query parameter, named by ``MatchDifference/name``; its values are joined with `&`.
        public static let queryParameter = Field(.queryParameter)
        /// The same query parameters in another order (when order counts).
        public static let queryOrder = Field(.queryOrder)
        /// One header field, named by ``MatchDifference/name``; its values are joined with `, `.
        public static let header = Field(.header)
        /// The body; ``MatchDifference/name`` says where (a JSON path, a form field or a byte offset).
        public static let body = Field(.body)
        /// The custom matcher rejected the recorded request.
        public static let custom = Field(.custom)

        public var description: String { base.rawValue }
    }

    /// Which part differs.
    public var field: Field
    /// The parameter or header name, or where in the body; nil for whole-request fields.
    public var name: String?
    /// The recorded value, nil when the recorded request has none.
    public var recorded: String?
    /// The live request's value, nil when it has none.
    public var requested: String?

    /// Creates a difference.
    public init(_ field: Field, name: String? = nil, recorded: String?, requested: String?) {
        self.field = field
        self.name = name
        self.recorded = recorded
        self.requested = requested
    }

    /// `query parameter page: recorded "1", requested "2"`.
    public var description: String {
        let what: String
        switch field {
        case .queryParameter: what = "query parameter \(name ?? "")"
        case .header: what = "header \(name ?? "")"
        case .queryOrder: what = "query parameter order"
        case .body: what = name.map { "body at \($0)" } ?? "body"
        case .custom: what = "the custom matcher"
        default: what = field.description
        }
        func show(_ value: String?) -> String {
            guard let value else { return "absent" }
            return value.count > 80 ? "\"\(value.prefix(77))…\"" : "\"\(value)\""
        }
        if field == .custom { return "\(what) rejected it" }
        return "\(what): recorded \(show(recorded)), requested \(show(requested))"
    }
}
