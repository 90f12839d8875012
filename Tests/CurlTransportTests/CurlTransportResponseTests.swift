import CurlTransport
import Foundation
import HTTPTypes
import ScenarioServer
import TapeCore
import Testing

extension CurlTransportLiveTests {
    @Suite struct ResponseTests {
        @Test func trickledBodyArrivesAsChunksPacedLikeTheServer() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/trickle?chunks=5&size=100&interval=100")
            try await harness.shutdown()

            let chunks = recorder.bodyChunks
            #expect(chunks.count >= 5)
            #expect(recorder.body == BodyPattern.bytes(from: 0, count: 500))
            // The offset of the chunk carrying byte i × 100, against the server's pacing.
            var starts: [Int64] = []
            var position = 0
            for chunk in chunks {
                while starts.count < 5, starts.count * 100 < position + chunk.bytes.count { starts.append(chunk.offsetMicros) }
                position += chunk.bytes.count
            }
            try #require(starts.count == 5)
            for piece in 1..<5 {
                let gapMillis = Double(starts[piece] - starts[0]) / 1_000
                #expect(gapMillis >= Double(piece * 100) - 10, "piece \(piece) came \(gapMillis) ms after the first")
                #expect(gapMillis <= Double(piece * 100) + 150, "piece \(piece) came \(gapMillis) ms after the first")
            }
            _ = try recorder.timeline(for: CurlHarness.request(harness.server.url("/trickle")))
        }

        @Test func piecesOfOneSocketReadArriveAsOneChunk() async throws {
            // libcurl hands each socket read to the write callback in pieces of at most 16 KiB;
            // the transport joins the pieces of one read, so a body sent at once comes in chunks
            // as large as the reads (the trickle test above keeps paced pieces apart).
            let harness = try await CurlHarness()
            let recorder = try harness.get("/bytes?n=4m")
            try await harness.shutdown()

            let chunks = recorder.bodyChunks
            #expect(recorder.body == BodyPattern.bytes(from: 0, count: 4 << 20))
            let largest = chunks.map(\.bytes.count).max() ?? 0
            #expect(largest > 16 << 10, "the largest of \(chunks.count) chunks has \(largest) bytes")
            #expect(chunks.count < (4 << 20) / (16 << 10))
        }

        @Test func timelineOfASimpleGetIsValidAndOrdered() async throws {
            let harness = try await CurlHarness()
            let request = CurlHarness.request(harness.server.url("/bytes?n=1000"))
            let recorder = try harness.exchange(request)
            try await harness.shutdown()

            let timeline = try recorder.timeline(for: request)
            #expect(recorder.kinds.first == "requestEnd")
            #expect(recorder.kinds[1] == "responseHead")
            #expect(recorder.kinds.last == "responseEnd")
            #expect(timeline.responseBody == BodyPattern.bytes(from: 0, count: 1000))
            let metrics = try #require(recorder.metrics)
            #expect(metrics.remoteAddress == "127.0.0.1")
            #expect(metrics.remotePort == harness.server.port)
            #expect(metrics.connectMicros >= metrics.nameLookupMicros)
            #expect(metrics.firstByteMicros >= metrics.connectMicros)
            #expect(metrics.totalMicros >= metrics.firstByteMicros)
            #expect(metrics.downloadedBytes == 1000)
            #expect(metrics.httpVersion == .http1_1)
        }

        @Test func gzipBodyArrivesUndecoded() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/encoded?coding=gzip&n=4096")
            try await harness.shutdown()

            #expect(recorder.head?.headerFields[.contentEncoding] == "gzip")
            #expect(Array(recorder.body.prefix(2)) == [0x1F, 0x8B])
            #expect(recorder.body.count < 4096)
            #expect(Int64(recorder.body.count) == recorder.head?.contentLength)
        }

        @Test func headerFieldsKeepTheirOrderCaseAndDuplicates() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/headers")
            try await harness.shutdown()

            let pairs = try #require(recorder.head).headerFields.wirePairs
            #expect(pairs.map(\.name) == ["Content-Type", "X-Dup", "x-mixed-CASE", "Set-Cookie", "X-Dup", "Set-Cookie",
                                          "Set-Cookie2", "X-Empty", "X-Dup", "Content-Length"])
            #expect(pairs.filter { $0.name == "X-Dup" }.map(\.value) == ["first", "second", "third, with comma"])
            #expect(pairs.filter { $0.name == "Set-Cookie" }.map(\.value) == ["a=1; Path=/", "b=2; Path=/; HttpOnly"])
            #expect(pairs.first { $0.name == "X-Empty" }?.value == "")
        }

        @Test func reasonPhraseIsKeptExactly() async throws {
            let harness = try await CurlHarness()
            let custom = try harness.get("/status?code=299&reason=Fine%20Thing")
            let empty = try harness.get("/status?code=200&reason=")
            try await harness.shutdown()

            #expect(custom.head?.status == 299)
            #expect(custom.head?.reasonPhrase == "Fine Thing")
            #expect(empty.head?.reasonPhrase == "")
        }

        @Test func redirectIsRecordedNotFollowed() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/redirect?code=302&to=/bytes%3Fn%3D16")
            try await harness.shutdown()

            #expect(recorder.head?.status == 302)
            #expect(recorder.head?.headerFields[.location] == "/bytes?n=16")
            #expect(recorder.kinds.last == "responseEnd")
        }

        @Test func headResponseHasAHeadAndNoBody() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.exchange(CurlHarness.request("HEAD", harness.server.url("/bytes?n=100")))
            try await harness.shutdown()

            #expect(recorder.head?.contentLength == 100)
            #expect(recorder.bodyChunks.isEmpty)
            #expect(recorder.kinds.last == "responseEnd")
        }

        @Test func chunkedBodyIsDeframed() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/bytes?n=5000&framing=chunked&chunks=3&interval=10")
            try await harness.shutdown()

            #expect(recorder.body == BodyPattern.bytes(from: 0, count: 5000))
            #expect(recorder.head?.headerFields[.transferEncoding] == "chunked")
            #expect(recorder.kinds.last == "responseEnd")
        }

        @Test func sequentialRequestsReuseTheConnection() async throws {
            let harness = try await CurlHarness()
            let first = try harness.get("/bytes?n=10")
            let second = try harness.get("/bytes?n=10")
            try await harness.shutdown()

            #expect(first.metrics?.newConnectionCount == 1)
            #expect(second.metrics?.newConnectionCount == 0)
            #expect(second.metrics?.reusedConnection == true)
            #expect(second.metrics?.localPort == first.metrics?.localPort)
        }

        @Test func requestHeadersAreSentInOrderWithoutLibcurlDefaults() async throws {
            let harness = try await CurlHarness()
            let request = CurlHarness.request("POST", harness.server.url("/echo"), headers: [("X-First", "1"), ("x-second", "two")], body: Array("hello".utf8))
            let recorder = try harness.exchange(request)
            try await harness.shutdown()

            let echo = try #require(try JSONSerialization.jsonObject(with: Data(recorder.body)) as? [String: Any])
            let headers = try #require(echo["headers"] as? [[String]])
            let names = headers.map { $0[0] }
            #expect(echo["method"] as? String == "POST")
            #expect(echo["body"] as? String == "hello")
            #expect(names.filter { ["X-First", "x-second"].contains($0) } == ["X-First", "x-second"])
            #expect(!names.contains { $0.lowercased() == "accept" || $0.lowercased() == "expect" || $0.lowercased() == "content-type" })
            #expect(headers.first { $0[0] == "Content-Length" }?[1] == "5")
        }

        @Test func postWithoutBodySendsContentLengthZero() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.exchange(CurlHarness.request("POST", harness.server.url("/echo")))
            try await harness.shutdown()

            let echo = try #require(try JSONSerialization.jsonObject(with: Data(recorder.body)) as? [String: Any])
            let headers = try #require(echo["headers"] as? [[String]])
            #expect(headers.first { $0[0] == "Content-Length" }?[1] == "0")
            #expect(recorder.kinds.first == "requestEnd")
        }

        @Test func customMethodIsSentAsGiven() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.exchange(CurlHarness.request("DELETE", harness.server.url("/echo")))
            try await harness.shutdown()

            let echo = try #require(try JSONSerialization.jsonObject(with: Data(recorder.body)) as? [String: Any])
            #expect(echo["method"] as? String == "DELETE")
        }
    }
}
