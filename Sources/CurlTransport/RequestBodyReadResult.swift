/// What one ``RequestBodySource/read(into:)`` produced.
public enum RequestBodyReadResult: Sendable, Hashable {
    /// This many bytes (more than zero) were written into the buffer.
    case bytes(Int)
    /// The body is complete.
    case end
    /// Nothing is available now: the upload pauses until
    /// ``CurlTransportTask/resumeUpload()`` is called.
    case wouldBlock
}
