public import TapeCore

/// A recorded exchange's request, as the matcher sees it.
public struct RecordedRequest: Sendable, Hashable {
    /// The exchange the request belongs to.
    public var id: ExchangeID
    /// The request as stored (after redaction). Its body is empty when it was not loaded.
    public var request: ExchangeRequest
    /// Whether the recording's own client left before the exchange ended (its timeline
    /// ends in `clientGaveUp`): a replay of it stalls there, so ``RequestMatcher`` never
    /// picks it as the one to repeat once the others are used up.
    public var clientGaveUp: Bool

    /// Creates a recorded request.
    public init(id: ExchangeID, request: ExchangeRequest, clientGaveUp: Bool = false) {
        self.id = id
        self.request = request
        self.clientGaveUp = clientGaveUp
    }
}
