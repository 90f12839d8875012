import CBrotli

/// A brotli encoder instance (RFC 7932).
final class BrotliEncoderStream: CompressorStream {
    private let state: OpaquePointer
    private let scratch = ScratchBuffer()

    /// Starts a stream.
    ///
    /// - Parameter quality: 0 (fastest) to 11 (smallest).
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if brotli cannot start the stream.
    init(quality: UInt32) throws(ContentCodingError) {
        guard let state = BrotliEncoderCreateInstance(nil, nil, nil) else {
            throw ContentCodingError(code: .initializationFailed, message: """
                brotli could not allocate a br encoder (BrotliEncoderCreateInstance returned NULL). \
                The process is probably out of memory.
                """)
        }
        guard BrotliEncoderSetParameter(state, BROTLI_PARAM_QUALITY, quality) == BROTLI_TRUE else {
            BrotliEncoderDestroyInstance(state)
            throw ContentCodingError(code: .initializationFailed, message: """
                brotli rejected quality \(quality) for a br encoder. Use a quality between 0 and 11.
                """)
        }
        self.state = state
    }

    deinit { BrotliEncoderDestroyInstance(state) }

    func compress(
        _ input: UnsafeBufferPointer<UInt8>,
        _ operation: CompressionOperation,
        appendingTo output: inout [UInt8]
    ) throws(ContentCodingError) {
        var availableIn = input.count
        var nextIn = input.baseAddress
        while true {
            var availableOut = scratch.capacity
            var nextOut: UnsafeMutablePointer<UInt8>? = scratch.pointer
            let succeeded = BrotliEncoderCompressStream(
                state, operation.brotliOperation, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            guard succeeded == BROTLI_TRUE else {
                throw ContentCodingError(code: .libraryFailure, message: """
                    brotli failed while encoding br (BrotliEncoderCompressStream returned false with \
                    \(availableIn) of \(input.count) input bytes left). This points to memory exhaustion or a \
                    bug in ContentEncoder; retry, and report it with the input size if it persists.
                    """)
            }
            scratch.append(first: scratch.capacity - availableOut, to: &output)
            // The loop conditions from brotli's encode.h for each operation.
            switch operation {
            case .process, .flush:
                if availableIn == 0 && BrotliEncoderHasMoreOutput(state) == BROTLI_FALSE { return }
            case .finish:
                if BrotliEncoderIsFinished(state) == BROTLI_TRUE { return }
            }
        }
    }
}

extension CompressionOperation {
    /// The matching brotli operation.
    fileprivate var brotliOperation: BrotliEncoderOperation {
        switch self {
        case .process: BROTLI_OPERATION_PROCESS
        case .flush: BROTLI_OPERATION_FLUSH
        case .finish: BROTLI_OPERATION_FINISH
        }
    }
}
