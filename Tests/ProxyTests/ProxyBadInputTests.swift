import Cassette
import Foundation
import Proxy
import ScenarioServer
import Testing

/// Bad input gets the specified status, and the proxy serves the next request.
struct ProxyBadInputTests {
    static func cases(proxyPort: Int, upstream: String) -> [(name: String, request: [UInt8], status: Int)] {
        let bigHeader = String(repeating: "a", count: 70_000)
        return [
            ("oversized header", Array("GET \(upstream)/ HTTP/1.1\r\nHost: x\r\nX-Big: \(bigHeader)\r\n\r\n".utf8), 431),
            ("oversized many headers",
             Array(("GET \(upstream)/ HTTP/1.1\r\n" + (0..<2000).map { "X-H\($0): \(String(repeating: "b", count: 40))\r\n" }.joined() + "\r\n").utf8), 431),
            ("oversized URL", Array("GET \(upstream)/\(bigHeader) HTTP/1.1\r\nHost: x\r\n\r\n".utf8), 431),
            ("garbage request line", Array("HELLO THERE\r\n\r\n".utf8), 400),
            ("header without colon", Array("GET \(upstream)/ HTTP/1.1\r\nBroken header\r\n\r\n".utf8), 400),
            ("bad version", Array("GET \(upstream)/ HTTP/7.3\r\nHost: x\r\n\r\n".utf8), 400),
            ("smuggling CL and TE",
             Array("POST \(upstream)/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8), 400),
            ("smuggling two lengths",
             Array("POST \(upstream)/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!".utf8), 400),
            ("origin form", Array("GET /bytes?n=4 HTTP/1.1\r\nHost: 127.0.0.1:\(proxyPort)\r\n\r\n".utf8), 400),
            ("to the proxy itself", Array("GET http://127.0.0.1:\(proxyPort)/ HTTP/1.1\r\nHost: 127.0.0.1:\(proxyPort)\r\n\r\n".utf8), 400),
            ("to the proxy as localhost", Array("GET http://localhost:\(proxyPort)/x HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), 400),
            ("not http", Array("GET ftp://example.test/ HTTP/1.1\r\nHost: example.test\r\n\r\n".utf8), 400),
            ("CONNECT without a CA", Array("CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n".utf8), 501),
            ("websocket upgrade",
             Array("GET \(upstream)/headers HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n".utf8), 501),
        ]
    }

    @Test func badInputGetsItsStatusAndTheProxyServesTheNextRequest() async throws {
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .passthrough))
        let upstream = "http://127.0.0.1:\(server.port)"
        for bad in Self.cases(proxyPort: proxy.port, upstream: upstream) {
            let transcript = try await RawHTTPClient.exchange(port: proxy.port, request: bad.request)
            let response = transcript.response
            #expect(response?.status == bad.status, "\(bad.name): \(String(decoding: transcript.bytes.prefix(300), as: UTF8.self))")
            #expect(response?.header("X-Xhrtape-Error") != nil, "\(bad.name)")
            #expect(transcript.ending != .timedOut, "\(bad.name): the proxy should close the connection")
            let next = try await CurlCommand(proxyPort: proxy.port).run("\(upstream)/bytes?n=4")
            #expect(next.status == 200, "after \(bad.name): \(next.stderr)")
            #expect(next.body.count == 4)
        }
        await proxy.shutdown()
        try await server.shutdown()
    }

    /// Every rejection at once, each on its own connection, while a 10 s trickle is being
    /// recorded on another: the trickle arrives whole and is recorded once.
    @Test func rejectionsDoNotDisturbAnExchangeInFlightOnAnotherConnection() async throws {
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let cassette = try Cassette(path: temporaryCassettePath())
        let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .record(cassette: cassette)))
        let upstream = "http://127.0.0.1:\(server.port)"
        let trickle = try CurlCommand(proxyPort: proxy.port).start("\(upstream)/trickle?chunks=40&size=100&interval=250")
        // Its first bytes reached the client: the exchange is under way.
        let first = try await trickle.firstBodyBytes()
        try #require(proxy.statistics.inFlight == 1, "the trickle never started")

        let cases = Self.cases(proxyPort: proxy.port, upstream: upstream)
        let statuses = try await withThrowingTaskGroup(of: (String, Int?).self) { group in
            for bad in cases {
                group.addTask { (bad.name, try await RawHTTPClient.exchange(port: proxy.port, request: bad.request).response?.status) }
            }
            return try await group.reduce(into: [String: Int?]()) { $0[$1.0] = $1.1 }
        }
        for bad in cases { #expect(statuses[bad.name] == bad.status, "\(bad.name)") }
        #expect(proxy.statistics.inFlight == 1, "the trickle ended before the rejections did: the test proves nothing")

        let result = try await trickle.finish(after: first)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.status == 200)
        #expect(result.body == BodyPattern.bytes(from: 0, count: 4000))
        await proxy.shutdown()
        let statistics = proxy.statistics
        #expect(statistics.recorded == 1)
        #expect(statistics.rejected == cases.count)
        #expect(statistics.failures == 0)
        #expect(try cassette.exchangeCount() == 1)
        try cassette.close()
        try await server.shutdown()
    }

    @Test func upstreamThatRefusesGetsA502() async throws {
        // A port bound and never listening: connections are refused, and no test running
        // meanwhile can take it (a server started and stopped left it free for one; seen once).
        let refusing = try RefusingPort()
        let deadURL = "http://127.0.0.1:\(refusing.port)/bytes?n=4"
        let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .passthrough))
        let result = try await CurlCommand(proxyPort: proxy.port).run(deadURL)
        #expect(result.status == 502)
        #expect(result.headerLines.contains("X-Xhrtape-Error: upstream-connectionRefused"))
        await proxy.shutdown()
        withExtendedLifetime(refusing) {}
    }
}
