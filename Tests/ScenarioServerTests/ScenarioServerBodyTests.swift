import CCurl
import Foundation
import ScenarioServer
import Testing

/// Bodies, framing and pacing over real sockets, read by libcurl.
struct ScenarioServerBodyTests {
    @Test func fixedBodiesAreThePatternWithAContentLength() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/bytes?n=5000"))
            #expect(result.succeeded)
            #expect(result.status == 200)
            #expect(result.headerLines.first == "HTTP/1.1 200 OK")
            #expect(result.values("Content-Length") == ["5000"])
            #expect(result.body == BodyPattern.bytes(from: 0, count: 5_000))
        }
    }

    @Test func trickledChunksArriveAtTheServersPace() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/trickle?chunks=4&size=10&interval=150"))
            #expect(result.body == BodyPattern.bytes(from: 0, count: 40))
            // 150 ms apart: the server never sends piece i before body start + i × 150 ms, so
            // the last byte arrives at least 450 ms after the first request byte; the pieces
            // arrive as several reads (on a loaded machine two may land in one read).
            let last = result.writes.last?.offsetMicros ?? 0
            #expect(last >= 3 * 150_000, "the last piece arrived after only \(last) µs")
            #expect(last <= 3 * 150_000 + 5_000_000)
            #expect(result.writes.count >= 2, "the pieces arrived in one read: the server did not pace them")
        }
    }

    @Test func chunkedFramingSendsOneHTTPChunkPerPiece() async throws {
        try await ScenarioServer.withRunning { server in
            var options = CurlProbe.Options()
            options.rawTransfer = true
            let result = await CurlProbe.fetch(server.url("/bytes?n=10&framing=chunked&chunks=2&interval=0"), options)
            #expect(result.values("Transfer-Encoding") == ["chunked"])
            #expect(result.values("Content-Length").isEmpty)
            #expect(String(decoding: result.body, as: UTF8.self) == "5\r\nabcde\r\n5\r\nfghij\r\n0\r\n\r\n")
        }
    }

    @Test func closeFramingEndsTheBodyByClosingTheConnection() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/bytes?n=300&framing=close"))
            #expect(result.succeeded)
            #expect(result.values("Content-Length").isEmpty)
            #expect(result.values("Transfer-Encoding").isEmpty)
            #expect(result.values("Connection") == ["close"])
            #expect(result.body.count == 300)
        }
    }

    @Test func delayHoldsTheHeadAndBodyDelayHoldsTheBody() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/bytes?n=10&delay=150&body-delay=200"))
            let head = try #require(result.headerOffsets.first)
            let firstByte = try #require(result.writes.first?.offsetMicros)
            #expect(head >= 140_000)
            #expect(firstByte - head >= 150_000)  // 200 ms at the server; the head may arrive late
            #expect(result.body.count == 10)
        }
    }

    @Test func aLargeBodyStreamsWithoutLosingAByte() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/bytes?n=32m"))
            #expect(result.succeeded)
            let body = result.body
            #expect(body.count == 32 << 20)
            #expect(body.enumerated().allSatisfy { $0.element == BodyPattern.byte(at: Int64($0.offset)) })
        }
    }

    @Test func statusLinesCarryTheReasonPhraseExactly() async throws {
        try await ScenarioServer.withRunning { server in
            #expect(await CurlProbe.fetch(server.url("/status?code=299&reason=Fine%20Thing")).headerLines.first == "HTTP/1.1 299 Fine Thing")
            #expect(await CurlProbe.fetch(server.url("/status?code=200&reason=")).headerLines.first == "HTTP/1.1 200 ")
            let notFound = await CurlProbe.fetch(server.url("/status?code=404&n=7"))
            #expect(notFound.headerLines.first == "HTTP/1.1 404 Not Found")
            #expect(notFound.body.count == 7)
        }
    }

    @Test func noContentAndNotModifiedHaveNoBodyAndHeadHasOnlyTheHead() async throws {
        try await ScenarioServer.withRunning { server in
            let noContent = await CurlProbe.fetch(server.url("/status?code=204"))
            #expect(noContent.status == 204)
            #expect(noContent.body.isEmpty)
            #expect(noContent.values("Content-Length").isEmpty)
            let notModified = await CurlProbe.fetch(server.url("/status?code=304"))
            #expect(notModified.status == 304)
            #expect(notModified.body.isEmpty)
            var head = CurlProbe.Options()
            head.headOnly = true
            let headResult = await CurlProbe.fetch(server.url("/bytes?n=4096"), head)
            #expect(headResult.succeeded)
            #expect(headResult.values("Content-Length") == ["4096"])
            #expect(headResult.body.isEmpty)
        }
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func redirectsSendTheirCodeAndLocation(code: Int) async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/redirect?code=\(code)&to=/bytes%3Fn%3D3"))
            #expect(result.status == code)
            #expect(result.values("Location") == ["/bytes?n=3"])
        }
    }

    @Test func redirectChainsAndLoopsAreFollowedAsScripted() async throws {
        try await ScenarioServer.withRunning { server in
            var follow = CurlProbe.Options()
            follow.followRedirects = true
            let chain = await CurlProbe.fetch(server.url("/redirect?code=302&chain=3&to=/bytes%3Fn%3D3"), follow)
            #expect(chain.succeeded)
            #expect(chain.redirectCount == 3)
            #expect(chain.body == Array("abc".utf8))
            follow.maxRedirects = 5
            let loop = await CurlProbe.fetch(server.url("/redirect?loop=1"), follow)
            #expect(loop.code == CURLE_TOO_MANY_REDIRECTS)
        }
    }

    @Test func keepAliveConnectionsAnswerPipelinedRequestsInOrder() async throws {
        try await ScenarioServer.withRunning { server in
            let connection = try RawHTTPConnection(port: server.port)
            connection.send("GET /bytes?n=3 HTTP/1.1\r\nHost: x\r\n\r\nGET /status?code=201 HTTP/1.1\r\nHost: x\r\n\r\n")
            let replies = connection.read(until: "HTTP/1.1 201 Created")
            let first = try #require(replies.range(of: "HTTP/1.1 200 OK"))
            let second = try #require(replies.range(of: "HTTP/1.1 201 Created"))
            #expect(first.lowerBound < second.lowerBound)
        }
    }
}
