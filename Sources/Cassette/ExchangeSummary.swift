public import Foundation
public import HTTPTypes
public import TapeCore

/// One complete exchange as ``Cassette/exchanges()`` lists it: everything but the bodies and
/// the individual events.
public struct ExchangeSummary: Sendable, Hashable {
    /// How the exchange ended.
    public enum Outcome: Sendable, Hashable {
        /// The response ended cleanly, with these trailers if any arrived.
        case completed(trailers: HTTPFields?)
        /// The exchange failed.
        case failed(TransportFailure)
    }

    /// The exchange's id.
    public var id: ExchangeID
    /// When the request was issued, by the recorder's wall clock.
    public var startedAt: Date
    /// The request head (after redaction).
    public var request: RequestHead
    /// The request body's size in bytes.
    public var requestBodyLength: Int
    /// The response head, nil when the exchange failed before one arrived.
    public var response: ResponseHead?
    /// The response body's size in bytes: the sum of its chunks.
    public var responseBodyLength: Int64
    /// How the exchange ended.
    public var outcome: Outcome
    /// The offset of the terminal event: how long the exchange took.
    public var durationMicros: Int64
    /// How many timeline events the exchange has.
    public var eventCount: Int
    /// Addresses and TLS.
    public var metadata: ExchangeMetadata
    /// The recorder that wrote it.
    public var toolVersion: String
}
