/// The bookkeeping behind ``ResponseBodyDemand``: decides whether libcurl's next body
/// chunk is accepted or the transfer pauses, and when acknowledgements resume it.
///
/// Sans-IO; the task keeps one inside a mutex because the driver thread offers chunks
/// while the consumer acknowledges them from its own thread.
package struct ResponseBodyWindow: Sendable {
    /// What to do with an offered chunk.
    package enum Decision: Sendable, Equatable {
        /// Deliver it; it now counts as buffered.
        case accept
        /// Return `CURL_WRITEFUNC_PAUSE`: libcurl keeps the chunk until resumed.
        case pause
    }

    /// The bound on buffered bytes.
    package let limit: Int
    /// Buffered bytes at or below which a paused transfer resumes (half the bound).
    package var resumeThreshold: Int { limit / 2 }
    /// The current state, for ``CurlTransportTask/backpressure``.
    package private(set) var status = BackpressureStatus()

    /// Creates a window bounded by `limit` bytes (at least 1).
    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// libcurl offers a chunk of `count` bytes.
    package mutating func offer(_ count: Int) -> Decision {
        if status.bufferedBytes > 0, status.bufferedBytes + count > limit {
            if !status.isPaused {
                status.isPaused = true
                status.pauseCount += 1
            }
            return .pause
        }
        status.bufferedBytes += count
        status.peakBufferedBytes = max(status.peakBufferedBytes, status.bufferedBytes)
        return .accept
    }

    /// The consumer acknowledged `count` bytes.
    ///
    /// - Returns: true when the transfer was paused and should now resume.
    package mutating func acknowledge(_ count: Int) -> Bool {
        status.bufferedBytes -= min(max(0, count), status.bufferedBytes)
        guard status.isPaused, status.bufferedBytes <= resumeThreshold else { return false }
        status.isPaused = false
        return true
    }
}
