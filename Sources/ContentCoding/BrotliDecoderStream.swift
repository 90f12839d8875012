import CBrotli

/// A brotli decoder instance (RFC 7932) that reads one brotli stream.
final class BrotliDecoderStream: DecompressorStream {
    private let state: OpaquePointer
    private let scratch = ScratchBuffer()

    /// Starts a stream.
    ///
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if brotli cannot start the stream.
    init() throws(ContentCodingError) {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else {
            throw ContentCodingError(code: .initializationFailed, message: """
                brotli could not allocate a br decoder (BrotliDecoderCreateInstance returned NULL). \
                The process is probably out of memory.
                """)
        }
        self.state = state
    }

    deinit { BrotliDecoderDestroyInstance(state) }

    func decompress(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], limit: Int) -> DecompressionStep {
        precondition(limit > 0, "decompress needs room for at least one byte, got limit \(limit)")
        var availableIn = input.count
        var nextIn = input.baseAddress
        var produced = 0
        while true {
            let room = min(scratch.capacity, limit - produced)
            var availableOut = room
            var nextOut: UnsafeMutablePointer<UInt8>? = scratch.pointer
            let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            let made = room - availableOut
            scratch.append(first: made, to: &output)
            produced += made
            let consumed = input.count - availableIn
            switch result {
            case BROTLI_DECODER_RESULT_SUCCESS:
                return DecompressionStep(consumed: consumed, outcome: .streamEnded)
            case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                return DecompressionStep(consumed: consumed, outcome: .needsInput)
            case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                if produced == limit {
                    return DecompressionStep(consumed: consumed, outcome: .outputLimitReached)
                }
            default:
                let code = BrotliDecoderGetErrorCode(state)
                let detail = "\(String(cString: BrotliDecoderErrorString(code))) (\(code.rawValue))"
                // Codes -1 to -18 describe the data; the rest are allocation failures, a missing
                // dictionary, invalid arguments or "unreachable".
                let outcome: DecompressionStep.Outcome = code.rawValue >= -18
                    ? .corrupt(detail: detail) : .libraryFailure(detail: detail)
                return DecompressionStep(consumed: consumed, outcome: outcome)
            }
        }
    }
}
