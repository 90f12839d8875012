/// What a compressor does after taking its input: zlib's flush modes and brotli's operations.
enum CompressionOperation {
    /// Compress the input, keeping whatever the library buffers for better compression
    /// (`Z_NO_FLUSH`, `BROTLI_OPERATION_PROCESS`).
    case process
    /// Compress the input and emit everything so far on a byte boundary, so that a decoder can
    /// produce all input given so far (`Z_SYNC_FLUSH`, `BROTLI_OPERATION_FLUSH`).
    case flush
    /// Compress the input and end the stream, writing any trailer (`Z_FINISH`, `BROTLI_OPERATION_FINISH`).
    case finish
}
