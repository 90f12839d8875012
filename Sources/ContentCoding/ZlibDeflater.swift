import CZlib

/// A zlib `deflate` stream that writes the gzip (RFC 1952) or zlib (RFC 1950) format.
final class ZlibDeflater: CompressorStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private let coding: HTTPContentCoding
    private let scratch = ScratchBuffer()

    /// Starts a stream.
    ///
    /// - Parameters:
    ///   - coding: `.gzip` for the gzip wrapper, `.deflate` for the zlib wrapper.
    ///   - level: 0 (store) to 9 (smallest), or `Z_DEFAULT_COMPRESSION`.
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if zlib cannot start the stream.
    init(_ coding: HTTPContentCoding, level: Int32) throws(ContentCodingError) {
        precondition(coding != .brotli, "ZlibDeflater cannot write brotli")
        // 15 is the largest window; +16 asks zlib for a gzip header and trailer instead of zlib's.
        let windowBits: Int32 = coding == .gzip ? 15 + 16 : 15
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_deflate_init2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ContentCodingError(code: .initializationFailed, message: """
                zlib could not start a \(coding.rawValue) encoder (deflateInit2 returned \(status) for level \(level)). \
                Check that the level is between 0 and 9 and that the process has memory left.
                """)
        }
        self.stream = stream
        self.coding = coding
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func compress(
        _ input: UnsafeBufferPointer<UInt8>,
        _ operation: CompressionOperation,
        appendingTo output: inout [UInt8]
    ) throws(ContentCodingError) {
        var offset = 0
        repeat {
            // avail_in is 32 bits wide: feed larger inputs in pieces, flushing only after the last.
            let count = min(input.count - offset, Int(UInt32.max))
            let isLastPiece = offset + count == input.count
            let flush = isLastPiece ? operation.zlibFlush : Z_NO_FLUSH
            stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + offset) }
            stream.pointee.avail_in = UInt32(count)
            var status: Int32
            // zlib: when deflate leaves avail_out == 0, call again with the same flush value.
            repeat {
                stream.pointee.next_out = scratch.pointer
                stream.pointee.avail_out = UInt32(scratch.capacity)
                status = deflate(stream, flush)
                // Z_BUF_ERROR only means "no progress possible", e.g. a flush with nothing new.
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw libraryFailure(status)
                }
                scratch.append(first: scratch.capacity - Int(stream.pointee.avail_out), to: &output)
            } while status != Z_STREAM_END && stream.pointee.avail_out == 0
            offset += count
        } while offset < input.count
    }

    private func libraryFailure(_ status: Int32) -> ContentCodingError {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "no message"
        return ContentCodingError(code: .libraryFailure, message: """
            zlib failed while encoding \(coding.rawValue): deflate returned \(status) (\(detail)) after \
            \(stream.pointee.total_in) input bytes. This points to memory exhaustion or a bug in ContentEncoder; \
            retry, and report it with the input size if it persists.
            """)
    }
}

extension CompressionOperation {
    /// The matching zlib flush value.
    fileprivate var zlibFlush: Int32 {
        switch self {
        case .process: Z_NO_FLUSH
        case .flush: Z_SYNC_FLUSH
        case .finish: Z_FINISH
        }
    }
}
