/// A request as a transport sends it: the head and the body bytes.
public struct ExchangeRequest: Sendable, Hashable {
    /// The request line and header fields.
    public var head: RequestHead
    /// The body; empty when the request has none.
    public var body: [UInt8]

    /// Creates a request.
    public init(head: RequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }
}
