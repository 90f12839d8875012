public import TapeCore

/// A recorded exchange's request, as the matcher sees it.
public struct RecordedRequest: Sendable, Hashable {
    /// The exchange the request belongs to.
    public var id: ExchangeID
    /// The request as stored (after redaction). Its body is empty when it was not loaded.
    public var request: ExchangeRequest

    /// Creates a recorded request.
    public init(id: ExchangeID, request: ExchangeRequest) {
        self.id = id
        self.request = request
    }
}
