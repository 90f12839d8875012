import CZlib

/// A zlib `inflate` stream that reads one gzip member, one zlib stream or one raw deflate stream.
final class ZlibInflater: DecompressorStream {
    /// The framing around the deflate data.
    enum Format {
        /// A gzip member (RFC 1952) with its header and CRC-32 trailer.
        case gzip
        /// A zlib stream (RFC 1950) with its two-byte header and Adler-32 trailer.
        case zlib
        /// Raw deflate data (RFC 1951) without header or trailer.
        case raw

        /// inflateInit2's windowBits: 15 is the largest window; +16 accepts only gzip (not +32,
        /// which would also accept zlib), and a negative value means raw deflate.
        fileprivate var windowBits: Int32 {
            switch self {
            case .gzip: 15 + 16
            case .zlib: 15
            case .raw: -15
            }
        }
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch = ScratchBuffer()

    /// Starts a stream.
    ///
    /// - Parameters:
    ///   - format: The framing to expect.
    ///   - coding: The content coding being decoded, for error messages.
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if zlib cannot start the stream.
    init(_ format: Format, for coding: HTTPContentCoding) throws(ContentCodingError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init2(stream, format.windowBits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ContentCodingError(code: .initializationFailed, message: """
                zlib could not start a \(coding.rawValue) decoder (inflateInit2 returned \(status)). \
                The process is probably out of memory, or the zlib library does not match its headers.
                """)
        }
        self.stream = stream
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func decompress(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], limit: Int) -> DecompressionStep {
        precondition(limit > 0, "decompress needs room for at least one byte, got limit \(limit)")
        var consumed = 0
        var produced = 0
        while true {
            // avail_in is 32 bits wide: feed larger inputs in pieces.
            let count = min(input.count - consumed, Int(UInt32.max))
            let room = min(scratch.capacity, limit - produced)
            stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
            stream.pointee.avail_in = UInt32(count)
            stream.pointee.next_out = scratch.pointer
            stream.pointee.avail_out = UInt32(room)
            // Z_NO_FLUSH: zlib's inflate always writes as much output as it can anyway.
            let status = inflate(stream, Z_NO_FLUSH)
            let used = count - Int(stream.pointee.avail_in)
            consumed += used
            let made = room - Int(stream.pointee.avail_out)
            scratch.append(first: made, to: &output)
            produced += made
            switch status {
            case Z_STREAM_END:
                return DecompressionStep(consumed: consumed, outcome: .streamEnded)
            case Z_OK, Z_BUF_ERROR:
                if produced == limit {
                    return DecompressionStep(consumed: consumed, outcome: .outputLimitReached)
                }
                // A full buffer may hide more output; otherwise continue only with input left.
                if stream.pointee.avail_out > 0 && consumed == input.count {
                    return DecompressionStep(consumed: consumed, outcome: .needsInput)
                }
                if used == 0 && made == 0 {  // zlib promises progress here; never spin if it breaks that
                    return DecompressionStep(consumed: consumed, outcome: .libraryFailure(
                        detail: "inflate returned \(status) without progress, \(input.count - consumed) input bytes left"))
                }
            case Z_NEED_DICT:
                return DecompressionStep(consumed: consumed, outcome: .corrupt(
                    detail: "the zlib header asks for a preset dictionary, which HTTP does not provide"))
            case Z_DATA_ERROR:
                return DecompressionStep(consumed: consumed, outcome: .corrupt(detail: zlibMessage))
            default:  // Z_MEM_ERROR, Z_STREAM_ERROR
                return DecompressionStep(consumed: consumed, outcome: .libraryFailure(
                    detail: "inflate returned \(status) (\(zlibMessage))"))
            }
        }
    }

    private var zlibMessage: String {
        stream.pointee.msg.map { String(cString: $0) } ?? "no message"
    }
}
