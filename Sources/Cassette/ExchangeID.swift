/// Identifies one recorded exchange inside a cassette.
///
/// Ids are assigned when an exchange starts, in the order requests were issued, and never
/// reused within a cassette; replay consumes identical requests in this order.
public struct ExchangeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The row id in the `exchange` table.
    public let rawValue: Int64

    /// Wraps a row id.
    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: ExchangeID, rhs: ExchangeID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `#12`.
    public var description: String { "#\(rawValue)" }
}
