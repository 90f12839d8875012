import TapeCore

/// How the proxy handles request bodies larger than it buffers: which requests stream
/// their body upstream as it arrives, and how.
///
/// A body of up to ``ProxyConnectionStateMachine/streamingThresholdBytes`` is collected
/// whole before its exchange starts, as replay and redaction need; a larger one starts
/// its exchange with what has arrived and streams the rest through a `RequestBodyStream`
/// that holds at most ``highWaterBytes`` before the proxy stops reading from its client.
struct UploadStreaming: Sendable {
    /// Whether a request with this head may stream its body (the mode goes upstream, and
    /// no redaction rule needs the whole body).
    let policy: @Sendable (RequestHead) -> Bool
    /// Whether a request's stream keeps what it hands out for the recorder.
    let recorded: @Sendable (RequestHead) -> Bool
    /// How many buffered bytes pause reading from the client.
    let highWaterBytes: Int

    /// A stream for the body of `head`, announced as `length` bytes (nil: chunked), starting with `prefix`.
    func makeStream(for head: RequestHead, length: Int64?, prefix: [UInt8]) -> RequestBodyStream {
        RequestBodyStream(length: length, prefix: prefix, highWaterBytes: highWaterBytes, recording: recorded(head))
    }
}
