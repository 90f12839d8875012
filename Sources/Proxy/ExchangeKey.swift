/// Names one exchange: the connection it came in on and its place on that connection.
struct ExchangeKey: Hashable, Sendable, CustomStringConvertible {
    /// The connection, numbered from 1 in accept order.
    var connection: UInt64
    /// The request's position on the connection, from 1.
    var sequence: UInt64

    var description: String { "\(connection).\(sequence)" }
}
