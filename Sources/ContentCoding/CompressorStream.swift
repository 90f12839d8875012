/// One compression stream in a C library, driven by ``ContentEncoder``.
protocol CompressorStream: AnyObject {
    /// Compresses all of `input`, then performs `operation`, appending the compressed bytes to `output`.
    ///
    /// - Parameters:
    ///   - input: Uncompressed bytes; may be empty.
    ///   - operation: Whether to keep buffering, flush, or end the stream.
    ///   - output: Receives the compressed bytes produced by this call.
    /// - Throws: ``ContentCodingError/Code/libraryFailure`` if the library fails.
    func compress(
        _ input: UnsafeBufferPointer<UInt8>,
        _ operation: CompressionOperation,
        appendingTo output: inout [UInt8]
    ) throws(ContentCodingError)
}
