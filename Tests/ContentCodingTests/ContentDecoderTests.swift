import ContentCoding
import Testing

struct ContentDecoderTests {
    // MARK: Round trips

    @Test(arguments: HTTPContentCoding.allCases, SampleBody.allCases)
    func decodesWhatTheEncoderWrote(coding: HTTPContentCoding, body: SampleBody) throws {
        let encoded = try ContentEncoder.encode(body.bytes, as: coding)
        #expect(try ContentDecoder.decode(encoded, as: coding) == body.bytes)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func emptyBodyDecodesToNothingWithoutError(coding: HTTPContentCoding) throws {
        let decoder = try ContentDecoder(coding)
        #expect(try decoder.decode([UInt8]()) == [])
        #expect(try decoder.finish() == [])
    }

    // MARK: Streaming

    @Test(arguments: HTTPContentCoding.allCases)
    func byteByByteInputEmitsEachFlushedPieceAsSoonAsItsBytesArrive(coding: HTTPContentCoding) throws {
        let stream = try FlushedStream(coding: coding, seed: 7)
        let decoder = try ContentDecoder(coding)
        var decoded: [UInt8] = []
        for (index, byte) in stream.encoded.enumerated() {
            let new = try decoder.decode([byte])
            stream.expectProgress(new, after: decoded.count, fed: index + 1)
            decoded += new
        }
        decoded += try decoder.finish()
        #expect(decoded == stream.body)
    }

    @Test(arguments: HTTPContentCoding.allCases, [UInt64(1), 2, 3])
    func randomlySplitInputEmitsEachFlushedPieceAsSoonAsItsBytesArrive(coding: HTTPContentCoding, seed: UInt64) throws {
        let stream = try FlushedStream(coding: coding, seed: seed)
        let decoder = try ContentDecoder(coding)
        var generator = SplitMix64(seed: seed)
        var decoded: [UInt8] = []
        var fed = 0
        while fed < stream.encoded.count {
            let size = min(Int.random(in: 0...300, using: &generator), stream.encoded.count - fed)
            let new = try decoder.decode(stream.encoded[fed..<(fed + size)])
            fed += size
            stream.expectProgress(new, after: decoded.count, fed: fed)
            decoded += new
        }
        decoded += try decoder.finish()
        #expect(decoded == stream.body)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func largeBodyInOneChunkDecodesInBoundedSteps(coding: HTTPContentCoding) throws {
        // 8 MiB of zeros compresses to a few KiB, so one decode call must loop over many output steps.
        let body = [UInt8](repeating: 0, count: 8 << 20)
        let encoded = try ContentEncoder.encode(body, as: coding)
        #expect(encoded.count < 64 << 10)
        #expect(try ContentDecoder.decode(encoded, as: coding) == body)
    }

    // MARK: Interoperability with real tools

    @Test(.enabled(if: ExternalTool.isAvailable("gzip")), arguments: SampleBody.allCases)
    func decodesGzipCommandOutput(body: SampleBody) throws {
        let encoded = try ExternalTool.gzip("-c").run(input: body.bytes)
        #expect(try ContentDecoder.decode(encoded, as: .gzip) == body.bytes)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3")))
    func decodesGzipWithAFileNameInItsHeader() throws {
        let body = SampleBody.text(count: 3_000)
        let encoded = try ExternalTool.python("""
            import io
            buffer = io.BytesIO()
            with gzip.GzipFile(filename="body.json", mode="wb", fileobj=buffer, mtime=0) as file:
                file.write(data)
            output = buffer.getvalue()
            """).run(input: body)
        #expect(encoded[3] & 0x08 != 0)  // FLG.FNAME
        #expect(try ContentDecoder.decode(encoded, as: .gzip) == body)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3")), arguments: SampleBody.allCases)
    func decodesPythonZlibOutput(body: SampleBody) throws {
        let encoded = try ExternalTool.python("output = zlib.compress(data, 6)").run(input: body.bytes)
        #expect(try ContentDecoder.decode(encoded, as: .deflate) == body.bytes)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3")), arguments: SampleBody.allCases)
    func decodesPythonRawDeflateOutput(body: SampleBody) throws {
        let encoded = try ExternalTool.python("""
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            output = compressor.compress(data) + compressor.flush()
            """).run(input: body.bytes)
        #expect(try ContentDecoder.decode(encoded, as: .deflate) == body.bytes)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("brotli")), arguments: SampleBody.allCases)
    func decodesBrotliCommandOutput(body: SampleBody) throws {
        let encoded = try ExternalTool.brotli("-c").run(input: body.bytes)
        #expect(try ContentDecoder.decode(encoded, as: .brotli) == body.bytes)
    }

    // MARK: Accepted variants

    @Test func concatenatedGzipMembersDecodeToTheConcatenatedBodies() throws {
        let first = SampleBody.text(count: 2_000), second = SampleBody.random(count: 3_000, seed: 9)
        let encoded = try ContentEncoder.encode(first, as: .gzip) + ContentEncoder.encode(second, as: .gzip)
        #expect(try ContentDecoder.decode(encoded, as: .gzip) == first + second)
    }

    @Test func gzipMembersSplitAtTheirBoundaryDecodeFully() throws {
        let first = try ContentEncoder.encode(Array("first ".utf8), as: .gzip)
        let second = try ContentEncoder.encode(Array("second".utf8), as: .gzip)
        let decoder = try ContentDecoder(.gzip)
        // Split so that the second member's magic bytes arrive one at a time.
        var decoded = try decoder.decode(first + second.prefix(1))
        decoded += try decoder.decode(second.dropFirst().prefix(1))
        decoded += try decoder.decode(second.dropFirst(2))
        decoded += try decoder.finish()
        #expect(decoded == Array("first second".utf8))
    }

    @Test(.enabled(if: ExternalTool.isAvailable("gzip")))
    func concatenatedGzipCommandOutputsDecodeFully() throws {
        let first = SampleBody.text(count: 5_000), second = SampleBody.random(count: 5_000, seed: 4)
        let encoded = try ExternalTool.gzip("-c").run(input: first) + ExternalTool.gzip("-c").run(input: second)
        #expect(try ContentDecoder.decode(encoded, as: .gzip) == first + second)
    }

    @Test func rawDeflateIsAcceptedAsDeflate() throws {
        let body = SampleBody.text(count: 20_000)
        let zlib = try ContentEncoder.encode(body, as: .deflate)
        // Strip the 2-byte zlib header and the 4-byte Adler-32 trailer to get raw deflate data.
        let raw = Array(zlib.dropFirst(2).dropLast(4))
        #expect(try ContentDecoder.decode(raw, as: .deflate) == body)
    }

    @Test func rawDeflateIsAcceptedWhenItsFirstBytesArriveSeparately() throws {
        let body = Array("raw deflate, one byte at a time".utf8)
        let raw = Array(try ContentEncoder.encode(body, as: .deflate).dropFirst(2).dropLast(4))
        let decoder = try ContentDecoder(.deflate)
        var decoded: [UInt8] = []
        for byte in raw { decoded += try decoder.decode([byte]) }
        decoded += try decoder.finish()
        #expect(decoded == body)
    }

    @Test func shortestRawDeflateStreamDecodesToNothing() throws {
        // BFINAL = 1, BTYPE = fixed Huffman, then the end-of-block code: 10 bits in two bytes.
        #expect(try ContentDecoder.decode([0x03, 0x00], as: .deflate) == [])
    }

    @Test func byteAfterTheShortestRawDeflateStreamIsTrailingData() throws {
        let error = #expect(throws: ContentCodingError.self) {
            try ContentDecoder.decode([0x03, 0x00, 0x00], as: .deflate)
        }
        #expect(error?.code == .trailingData)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func outputExactlyAtTheLimitIsAccepted(coding: HTTPContentCoding) throws {
        let body = SampleBody.text(count: 100_000)
        let encoded = try ContentEncoder.encode(body, as: coding)
        #expect(try ContentDecoder.decode(encoded, as: coding, maximumOutputBytes: body.count) == body)
    }

    // MARK: Errors

    @Test(arguments: HTTPContentCoding.allCases)
    func streamMissingItsLastByteIsTruncated(coding: HTTPContentCoding) throws {
        let encoded = try ContentEncoder.encode(SampleBody.text(count: 10_000), as: coding)
        let decoder = try ContentDecoder(coding)
        _ = try decoder.decode(encoded.dropLast())
        let error = #expect(throws: ContentCodingError.self) { try decoder.finish() }
        #expect(error?.code == .truncated)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func streamCutAfterAFlushEmitsTheFlushedPartThenIsTruncated(coding: HTTPContentCoding) throws {
        let body = SampleBody.text(count: 100_000)
        let encoder = try ContentEncoder(coding)
        let flushed = try encoder.encode(body.prefix(50_000)) + encoder.flush()
        let decoder = try ContentDecoder(coding)
        #expect(try decoder.decode(flushed) == Array(body.prefix(50_000)))
        let error = #expect(throws: ContentCodingError.self) { try decoder.finish() }
        #expect(error?.code == .truncated)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func singleByteBodyIsTruncated(coding: HTTPContentCoding) throws {
        let encoded = try ContentEncoder.encode(Array("x".utf8), as: coding)
        let error = #expect(throws: ContentCodingError.self) {
            try ContentDecoder.decode(encoded.prefix(1), as: coding)
        }
        #expect(error?.code == .truncated)
    }

    @Test func gzipWithAWrongChecksumIsCorrupt() throws {
        var encoded = try ContentEncoder.encode(SampleBody.text(count: 10_000), as: .gzip)
        encoded[encoded.count - 8] ^= 0xFF  // first byte of the CRC-32 trailer
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode(encoded, as: .gzip) }
        #expect(error?.code == .corruptData)
    }

    @Test func zlibWithAWrongChecksumIsCorrupt() throws {
        var encoded = try ContentEncoder.encode(SampleBody.text(count: 10_000), as: .deflate)
        encoded[encoded.count - 1] ^= 0xFF  // last byte of the Adler-32 trailer
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode(encoded, as: .deflate) }
        #expect(error?.code == .corruptData)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func garbledCompressedDataIsCorrupt(coding: HTTPContentCoding) throws {
        var encoded = try ContentEncoder.encode(SampleBody.text(count: 10_000), as: coding)
        // Overwrite the middle with random bytes; the checksums (gzip, zlib) or the format (br) catch it.
        let random = SampleBody.random(count: 64, seed: 3)
        encoded.replaceSubrange((encoded.count / 2)..<(encoded.count / 2 + 64), with: random)
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode(encoded, as: coding) }
        #expect(error?.code == .corruptData)
    }

    @Test func brotliWithASetReservedBitIsCorrupt() throws {
        // WBITS = 16 (bit 0), ISLAST = 1, ISLASTEMPTY = 0, MNIBBLES = 0 (metadata), reserved bit = 1.
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode([0x3A], as: .brotli) }
        #expect(error?.code == .corruptData)
    }

    @Test(arguments: [HTTPContentCoding.gzip, .brotli])
    func uncompressedBodyLabelledAsCompressedIsCorrupt(coding: HTTPContentCoding) throws {
        let html = Array("<!doctype html><html><body>not compressed at all</body></html>".utf8)
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode(html, as: coding) }
        #expect(error?.code == .corruptData)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func bytesAfterTheEndOfTheStreamAreTrailingData(coding: HTTPContentCoding) throws {
        let encoded = try ContentEncoder.encode(SampleBody.text(count: 1_000), as: coding)
        let error = #expect(throws: ContentCodingError.self) {
            try ContentDecoder.decode(encoded + Array("garbage".utf8), as: coding)
        }
        #expect(error?.code == .trailingData)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func aChunkArrivingAfterTheStreamEndedIsTrailingData(coding: HTTPContentCoding) throws {
        let decoder = try ContentDecoder(coding)
        let body = Array("complete".utf8)
        #expect(try decoder.decode(ContentEncoder.encode(body, as: coding)) == body)
        let error = #expect(throws: ContentCodingError.self) { try decoder.decode([0x00]) }
        #expect(error?.code == .trailingData)
    }

    @Test func gzipMemberFollowedByHalfAMagicIsTrailingData() throws {
        let encoded = try ContentEncoder.encode(Array("member".utf8), as: .gzip) + [0x1F, 0x00]
        let error = #expect(throws: ContentCodingError.self) { try ContentDecoder.decode(encoded, as: .gzip) }
        #expect(error?.code == .trailingData)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func decompressionBombExceedsTheOutputLimit(coding: HTTPContentCoding) throws {
        let bomb = try ContentEncoder.encode([UInt8](repeating: 0, count: 16 << 20), as: coding, level: 9)
        #expect(bomb.count < 64 << 10)
        let decoder = try ContentDecoder(coding, maximumOutputBytes: 1 << 20)
        let error = #expect(throws: ContentCodingError.self) { try decoder.decode(bomb) }
        #expect(error?.code == .outputLimitExceeded)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func outputOneByteOverTheLimitIsRejected(coding: HTTPContentCoding) throws {
        let body = SampleBody.text(count: 10_000)
        let encoded = try ContentEncoder.encode(body, as: coding)
        let error = #expect(throws: ContentCodingError.self) {
            try ContentDecoder.decode(encoded, as: coding, maximumOutputBytes: body.count - 1)
        }
        #expect(error?.code == .outputLimitExceeded)
    }

    @Test func decoderKeepsFailingWithTheSameErrorAfterAnError() throws {
        let decoder = try ContentDecoder(.gzip)
        let first = #expect(throws: ContentCodingError.self) { try decoder.decode(Array("plain".utf8)) }
        let valid = try ContentEncoder.encode(Array("valid".utf8), as: .gzip)
        let second = #expect(throws: ContentCodingError.self) { try decoder.decode(valid) }
        let third = #expect(throws: ContentCodingError.self) { try decoder.finish() }
        #expect(first?.code == .corruptData)
        #expect(second?.code == .corruptData)
        #expect(third?.code == .corruptData)
    }
}
