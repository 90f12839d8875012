import ContentCoding
import Testing

struct ContentEncoderTests {
    @Test(arguments: HTTPContentCoding.allCases)
    func emptyBodyStillEncodesToACompleteStream(coding: HTTPContentCoding) throws {
        let encoded = try ContentEncoder.encode([UInt8](), as: coding)
        #expect(!encoded.isEmpty)
        #expect(try ContentDecoder.decode(encoded, as: coding) == [])
    }

    @Test func deflateWritesTheZlibFormat() throws {
        let encoded = try ContentEncoder.encode(Array("hello".utf8), as: .deflate)
        // RFC 1950 §2.2: CM = 8, and CMF * 256 + FLG is a multiple of 31.
        #expect(encoded[0] & 0x0F == 8)
        #expect((Int(encoded[0]) * 256 + Int(encoded[1])) % 31 == 0)
    }

    @Test func gzipStartsWithTheGzipMagicBytes() throws {
        let encoded = try ContentEncoder.encode(Array("hello".utf8), as: .gzip)
        #expect(Array(encoded.prefix(3)) == [0x1F, 0x8B, 0x08])
    }

    @Test(arguments: [(HTTPContentCoding.gzip, 10), (.deflate, -1), (.brotli, 12), (.brotli, -1)])
    func levelOutOfRangeFailsInitialization(coding: HTTPContentCoding, level: Int) {
        let error = #expect(throws: ContentCodingError.self) { try ContentEncoder(coding, level: level) }
        #expect(error?.code == .initializationFailed)
    }

    @Test(arguments: HTTPContentCoding.allCases, [0, 1, 9])
    func everyLevelInRangeRoundTrips(coding: HTTPContentCoding, level: Int) throws {
        let body = SampleBody.text(count: 10_000)
        let encoded = try ContentEncoder.encode(body, as: coding, level: level)
        #expect(try ContentDecoder.decode(encoded, as: coding) == body)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func flushEmitsBytesEvenForASmallInput(coding: HTTPContentCoding) throws {
        let encoder = try ContentEncoder(coding)
        let encoded = try encoder.encode(Array("a".utf8)) + encoder.flush()
        #expect(!encoded.isEmpty)
    }

    @Test(arguments: HTTPContentCoding.allCases)
    func nonContiguousCollectionsAreAccepted(coding: HTTPContentCoding) throws {
        let body = SampleBody.text(count: 5_000)
        let encoded = try ContentEncoder.encode(body.lazy.map { $0 }, as: coding)
        #expect(try ContentDecoder.decode(encoded[...], as: coding) == body)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("gzip")), arguments: SampleBody.allCases)
    func gzipCommandDecodesOurGzip(body: SampleBody) throws {
        let encoded = try ContentEncoder.encode(body.bytes, as: .gzip)
        #expect(try ExternalTool.gzip("-dc").run(input: encoded) == body.bytes)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("gzip")))
    func gzipCommandDecodesOurFlushedGzip() throws {
        let encoder = try ContentEncoder(.gzip)
        let pieces = (0..<5).map { SampleBody.text(count: 1_000 + $0) }
        var encoded: [UInt8] = []
        for piece in pieces { encoded += try encoder.encode(piece) + encoder.flush() }
        encoded += try encoder.finish()
        #expect(try ExternalTool.gzip("-dc").run(input: encoded) == pieces.flatMap { $0 })
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3")), arguments: SampleBody.allCases)
    func pythonZlibDecodesOurDeflate(body: SampleBody) throws {
        let encoded = try ContentEncoder.encode(body.bytes, as: .deflate)
        // wbits 15 accepts only the zlib format, so this also proves we do not write raw deflate.
        let decoded = try ExternalTool.python("output = zlib.decompress(data, 15)").run(input: encoded)
        #expect(decoded == body.bytes)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3")))
    func pythonGzipDecodesOurGzip() throws {
        let body = SampleBody.compressibleMebibyte.bytes
        let encoded = try ContentEncoder.encode(body, as: .gzip)
        #expect(try ExternalTool.python("output = gzip.decompress(data)").run(input: encoded) == body)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("brotli")), arguments: SampleBody.allCases)
    func brotliCommandDecodesOurBrotli(body: SampleBody) throws {
        let encoded = try ContentEncoder.encode(body.bytes, as: .brotli)
        #expect(try ExternalTool.brotli("-dc").run(input: encoded) == body.bytes)
    }
}
