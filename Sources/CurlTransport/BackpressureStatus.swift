/// A snapshot of a transfer's response-body backpressure (see ``ResponseBodyDemand``).
public struct BackpressureStatus: Sendable, Hashable {
    /// Body bytes delivered to the consumer and not yet acknowledged.
    public var bufferedBytes: Int
    /// The most bytes that were ever buffered at once.
    public var peakBufferedBytes: Int
    /// How many times the transfer was paused because the consumer lagged.
    public var pauseCount: Int
    /// True while the transfer is paused waiting for acknowledgements.
    public var isPaused: Bool

    /// Creates a snapshot.
    public init(bufferedBytes: Int = 0, peakBufferedBytes: Int = 0, pauseCount: Int = 0, isPaused: Bool = false) {
        self.bufferedBytes = bufferedBytes
        self.peakBufferedBytes = peakBufferedBytes
        self.pauseCount = pauseCount
        self.isPaused = isPaused
    }
}
