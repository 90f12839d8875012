/// One decompression stream in a C library, driven by ``ContentDecoder``.
///
/// A stream decodes exactly one compressed stream (one gzip member, one zlib or raw deflate
/// stream, one brotli stream); ``ContentDecoder`` handles what comes before and after it.
protocol DecompressorStream: AnyObject {
    /// Decompresses `input`, appending every byte that can be produced so far to `output`.
    ///
    /// Stops when the input is used up, when the compressed stream ends (the rest of `input` is
    /// left unconsumed), when `limit` bytes have been appended, or on an error.
    ///
    /// - Parameters:
    ///   - input: The next compressed bytes.
    ///   - output: Receives the decompressed bytes.
    ///   - limit: The most bytes to append in this call; positive.
    /// - Returns: How many input bytes were consumed and why the call stopped.
    func decompress(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], limit: Int) -> DecompressionStep
}
