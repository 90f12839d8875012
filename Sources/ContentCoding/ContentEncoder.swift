/// A streaming encoder for one HTTP body in gzip, deflate (zlib format) or br.
///
/// Feed the body with ``encode(_:)``, call ``flush()`` wherever a reader should be able to decode
/// everything sent so far (for example before pausing a trickled response), and end with
/// ``finish()``. Each call returns the compressed bytes ready to send; concatenated, they form one
/// complete stream:
///
/// ```swift
/// let encoder = try ContentEncoder(.gzip)
/// var body = try encoder.encode(Array("Hello, ".utf8))
/// body += try encoder.flush()    // a decoder can now emit "Hello, "
/// body += try encoder.encode(Array("world".utf8))
/// body += try encoder.finish()
/// ```
///
/// The encoder owns a zlib or brotli stream and frees it when it is deinitialized. It is not
/// `Sendable`: use it from one task or event loop at a time.
public final class ContentEncoder {
    /// The coding this encoder writes.
    public let coding: HTTPContentCoding

    private let stream: any CompressorStream
    private var isFinished = false

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - coding: The coding to write. `.deflate` writes the zlib format (RFC 1950), as HTTP
    ///     requires, not raw deflate.
    ///   - level: The compression level: 0 (none) to 9 for gzip and deflate, 0 to 11 for br.
    ///     `nil` means 6 for every coding: zlib's default, and the on-the-fly level that web
    ///     servers commonly use for br (brotli's own default, 11, takes seconds per MiB).
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if `level` is out of range or
    ///   the library cannot start a stream.
    public init(_ coding: HTTPContentCoding, level: Int? = nil) throws(ContentCodingError) {
        let level = level ?? 6
        let range = coding == .brotli ? 0...11 : 0...9
        guard range.contains(level) else {
            throw ContentCodingError(code: .initializationFailed, message: """
                Compression level \(level) is out of range for \(coding.rawValue); \
                use \(range.lowerBound) to \(range.upperBound), or nil for the default (6).
                """)
        }
        self.coding = coding
        switch coding {
        case .gzip, .deflate: self.stream = try ZlibDeflater(coding, level: Int32(level))
        case .brotli: self.stream = try BrotliEncoderStream(quality: UInt32(level))
        }
    }

    /// Compresses more of the body.
    ///
    /// The library may keep some or all of the input buffered for better compression, so the result
    /// can be empty; call ``flush()`` to force it out.
    ///
    /// - Parameter input: The next uncompressed bytes; may be empty.
    /// - Returns: Compressed bytes ready to send, possibly none.
    /// - Throws: ``ContentCodingError/Code/libraryFailure`` if zlib or brotli fails, which only
    ///   happens when memory runs out.
    /// - Precondition: ``finish()`` has not been called.
    public func encode(_ input: some Collection<UInt8>) throws(ContentCodingError) -> [UInt8] {
        try run(input, .process)
    }

    /// Emits everything compressed so far, so that a decoder can output all input given so far.
    ///
    /// Uses zlib's `Z_SYNC_FLUSH` (an empty stored block, `00 00 ff ff`) or brotli's
    /// `BROTLI_OPERATION_FLUSH`. Each flush costs a few bytes and some compression ratio.
    ///
    /// - Returns: Compressed bytes ready to send.
    /// - Throws: ``ContentCodingError/Code/libraryFailure`` if zlib or brotli fails.
    /// - Precondition: ``finish()`` has not been called.
    public func flush() throws(ContentCodingError) -> [UInt8] {
        try run(EmptyCollection(), .flush)
    }

    /// Ends the stream: emits everything still buffered and the format's trailer.
    ///
    /// Call it exactly once, even for an empty body (an empty gzip body still has a header and a
    /// trailer). The encoder cannot be used afterwards.
    ///
    /// - Returns: The last compressed bytes of the stream.
    /// - Throws: ``ContentCodingError/Code/libraryFailure`` if zlib or brotli fails.
    /// - Precondition: ``finish()`` has not been called before.
    public func finish() throws(ContentCodingError) -> [UInt8] {
        let output = try run(EmptyCollection(), .finish)
        isFinished = true
        return output
    }

    /// Compresses a whole body at once.
    ///
    /// - Parameters:
    ///   - input: The uncompressed body.
    ///   - coding: The coding to write.
    ///   - level: The compression level, as in ``init(_:level:)``.
    /// - Returns: One complete compressed stream.
    /// - Throws: ``ContentCodingError`` as ``init(_:level:)`` and ``encode(_:)`` do.
    public static func encode(
        _ input: some Collection<UInt8>, as coding: HTTPContentCoding, level: Int? = nil
    ) throws(ContentCodingError) -> [UInt8] {
        let encoder = try ContentEncoder(coding, level: level)
        return try encoder.encode(input) + encoder.finish()
    }

    private func run(_ input: some Collection<UInt8>, _ operation: CompressionOperation) throws(ContentCodingError) -> [UInt8] {
        precondition(!isFinished, "ContentEncoder(\(coding.rawValue)) used after finish()")
        var output: [UInt8] = []
        try input.withContiguousBytes { bytes throws(ContentCodingError) in
            try stream.compress(bytes, operation, appendingTo: &output)
        }
        return output
    }
}

@available(*, unavailable)
extension ContentEncoder: Sendable {}
