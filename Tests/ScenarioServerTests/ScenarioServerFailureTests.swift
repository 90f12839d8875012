import CCurl
import ScenarioServer
import Testing

/// Resets, closes, hangs and bad input, over real sockets.
struct ScenarioServerFailureTests {
    @Test func resetAfterNBytesDeliversExactlyNBytesThenARST() async throws {
        try await ScenarioServer.withRunning { server in
            for count in [0, 5, 70_000, 1_000_000] {
                let result = await CurlProbe.fetch(server.url("/bytes?n=2m&reset-after=\(count)"))
                // CURLE_RECV_ERROR is "Connection reset by peer"; a FIN would be CURLE_PARTIAL_FILE.
                #expect(result.code == CURLE_RECV_ERROR, "reset after \(count)")
                #expect(result.body == BodyPattern.bytes(from: 0, count: count))
            }
        }
    }

    @Test func closeAfterNBytesEndsWithAFINShortOfTheLength() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/bytes?n=1000&close-after=400"))
            #expect(result.code == CURLE_PARTIAL_FILE)
            #expect(result.body.count == 400)
        }
    }

    @Test func trickledResetsKeepThePaceUpToTheReset() async throws {
        try await ScenarioServer.withRunning { server in
            let result = await CurlProbe.fetch(server.url("/trickle?chunks=5&size=100&interval=150&reset-after=250"))
            #expect(result.code == CURLE_RECV_ERROR)
            #expect(result.body.count == 250)
            #expect(result.writes.count >= 3)
        }
    }

    @Test func closeBeforeHeadersSendsNothingWithAFINOrARST() async throws {
        try await ScenarioServer.withRunning { server in
            let fin = await CurlProbe.fetch(server.url("/close-before-headers"))
            #expect(fin.code == CURLE_GOT_NOTHING)
            #expect(fin.headerLines.isEmpty)
            let rst = await CurlProbe.fetch(server.url("/close-before-headers?mode=rst"))
            #expect(rst.code == CURLE_RECV_ERROR)
            #expect(rst.headerLines.isEmpty)
        }
    }

    @Test func hangSendsNothingAndClosesAfterItsBound() async throws {
        try await ScenarioServer.withRunning { server in
            let started = ContinuousClock.now
            let result = await CurlProbe.fetch(server.url("/hang?ms=300"))
            #expect(result.code == CURLE_GOT_NOTHING)
            #expect(ContinuousClock.now - started >= .milliseconds(290))
        }
    }

    @Test func unknownPathsAndBadValuesGet400NamingTheProblem() async throws {
        try await ScenarioServer.withRunning { server in
            let unknown = await CurlProbe.fetch(server.url("/nope"))
            #expect(unknown.status == 400)
            #expect(String(decoding: unknown.body, as: UTF8.self).contains("/nope"))
            let bad = await CurlProbe.fetch(server.url("/bytes?n=lots"))
            #expect(bad.status == 400)
            #expect(String(decoding: bad.body, as: UTF8.self).contains("'n'"))
            // The connection stays usable after a 400.
            #expect(await CurlProbe.fetch(server.url("/bytes?n=1")).status == 200)
        }
    }

    @Test func malformedRequestsGet400AndTheServerKeepsServing() async throws {
        try await ScenarioServer.withRunning { server in
            let garbage = try RawHTTPConnection(port: server.port)
            garbage.send("THIS IS NOT HTTP\r\n\r\n")
            #expect(garbage.readToEnd().hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            let badHeader = try RawHTTPConnection(port: server.port)
            badHeader.send("GET / HTTP/1.1\r\nHost x\r\n\r\n")
            #expect(badHeader.readToEnd().hasPrefix("HTTP/1.1 400 "))
            #expect(await CurlProbe.fetch(server.url("/bytes?n=1")).status == 200)
        }
    }

    @Test func anOversizedHeadGets431() async throws {
        try await ScenarioServer.withRunning { server in
            let connection = try RawHTTPConnection(port: server.port)
            connection.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n")
            #expect(connection.readToEnd().hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        }
    }

    @Test func absoluteFormTargetsAreRefusedBecauseThisIsNotAProxy() async throws {
        try await ScenarioServer.withRunning { server in
            let connection = try RawHTTPConnection(port: server.port)
            connection.send("GET http://example.test/ HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n")
            #expect(connection.readToEnd().hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        }
    }

    @Test func nonLoopbackHostsAreRefused() async {
        await #expect(throws: ScenarioServerError.self) {
            try await ScenarioServer.start(.init(host: "0.0.0.0"))
        }
    }
}
