import CCurl
import ContentCoding
import Foundation
import ScenarioServer
import Testing

/// Content codings, charsets, headers, echo and upload, over real sockets.
struct ScenarioServerContentTests {
    @Test(arguments: HTTPContentCoding.allCases)
    func encodedBodiesArriveEncodedAndDecodeToThePattern(coding: HTTPContentCoding) async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/encoded?coding=\(coding.rawValue)&n=20000"))
            #expect(result.values("Content-Encoding") == [coding.rawValue])
            #expect(result.values("Content-Length") == [String(result.body.count)])
            let decoded = try ContentDecoder.decode(result.body, as: coding)
            #expect(decoded == BodyPattern.bytes(from: 0, count: 20_000))
        }
    }

    @Test func trickledGzipArrivesInPiecesThatDecodeProgressively() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/encoded?coding=gzip&n=50000&chunks=5&interval=150"))
            #expect(result.writes.count == 5)
            #expect(Array(result.body.prefix(2)) == [0x1F, 0x8B])
            let decoder = try ContentDecoder(.gzip)
            var decoded: [UInt8] = []
            for write in result.writes { decoded += try decoder.decode(write.bytes) }
            decoded += try decoder.finish()
            #expect(decoded == BodyPattern.bytes(from: 0, count: 50_000))
        }
    }

    @Test(arguments: CharsetSample.allCases)
    func charsetBodiesAreTheSampleInThatEncoding(sample: CharsetSample) async throws {
        try await ScenarioServer.withRunning { server in
            let declared = await CurlProbe.fetch(server.url("/charset?charset=\(sample.rawValue)"))
            #expect(declared.body == sample.encodedText)
            #expect(declared.values("Content-Type").first?.lowercased() == "text/plain; charset=\(sample.rawValue)")
            let undeclared = await CurlProbe.fetch(server.url("/charset?charset=\(sample.rawValue)&declare=none"))
            #expect(undeclared.values("Content-Type") == ["text/plain"])
            #expect(undeclared.body == sample.encodedText)
            if let bom = sample.byteOrderMark {
                let withBOM = await CurlProbe.fetch(server.url("/charset?charset=\(sample.rawValue)&bom=1"))
                #expect(withBOM.body == bom + sample.encodedText)
            }
        }
    }

    @Test func xmlCharsetBodiesDeclareTheEncodingInTheProlog() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/charset?charset=windows-1252&format=xml&declare=xml"))
            #expect(result.values("Content-Type") == ["application/xml"])
            let prolog = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><text>".utf8)
            #expect(Array(result.body.prefix(prolog.count)) == prolog)
        }
    }

    @Test func duplicateHeadersAndCookiesKeepTheirOrderAndCase() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/headers"))
            #expect(Array(result.headerLines.dropFirst().prefix(9)) == [
                "Content-Type: text/plain", "X-Dup: first", "x-mixed-CASE: kept as sent", "Set-Cookie: a=1; Path=/",
                "X-Dup: second", "Set-Cookie: b=2; Path=/; HttpOnly", "Set-Cookie2: legacy=1", "X-Empty: ",
                "X-Dup: third, with comma",
            ])
        }
    }

    @Test func echoReturnsTheRequestWithHeadersInOrderAndCase() async throws {
        try await ScenarioServer.withRunning { server in
            var options = CurlProbe.Options()
            options.method = "PUT"
            options.body = Array("payload ✓".utf8)
            options.headers = ["X-First: 1", "x-second: two", "X-First: again"]
            let result = await CurlProbe.fetch(server.url("/echo?x=1"), options)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.body)) as? [String: Any])
            #expect(json["method"] as? String == "PUT")
            #expect(json["target"] as? String == "/echo?x=1")
            #expect(json["body"] as? String == "payload ✓")
            let headers = try #require(json["headers"] as? [[String]])
            let custom = headers.filter { $0[0].lowercased().hasPrefix("x-") }
            #expect(custom == [["X-First", "1"], ["x-second", "two"], ["X-First", "again"]])
        }
    }

    @Test func uploadSinkReadsNoFasterThanItsRate() async throws {
        try await ScenarioServer.withRunning { server in
            let payload = BodyPattern.bytes(from: 7, count: 6_000_000)
            var options = CurlProbe.Options()
            options.body = payload
            // 6 MB at 10 MB/s: the kernel's buffers absorb some of it, the rest is paced.
            let result = await CurlProbe.fetch(server.url("/upload-sink?rate=10m"), options)
            #expect(result.uploadedBytes == 6_000_000)
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.body)) as? [String: Any])
            #expect(summary["bytes"] as? Int == 6_000_000)
            var checksum = FNV1a64Reference()
            checksum.update(payload)
            #expect(summary["fnv1a64"] as? String == checksum.hex)
            #expect((summary["millis"] as? Int ?? 0) >= 200)
        }
    }
}

/// An independent FNV-1a 64 for checking the upload sink's checksum.
private struct FNV1a64Reference {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func update(_ bytes: [UInt8]) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
