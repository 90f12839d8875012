import CCurl
import Foundation
import ScenarioServer
import Testing

/// The HTTPS listener and its test certificate authority.
struct ScenarioServerTLSTests {
    @Test func httpsServesTheSameScenariosToClientsThatTrustTheTestCA() async throws {
        try await ScenarioServer.withRunning(tls: true) { server in
            let caFile = try TemporaryCAFile(server)
            var options = CurlProbe.Options()
            options.caFile = caFile.path
            let result = await CurlProbe.fetch(try #require(server.tlsURL("/trickle?chunks=2&size=4&interval=10")), options)
            #expect(result.succeeded)
            #expect(result.body == BodyPattern.bytes(from: 0, count: 8))
        }
    }

    @Test func clientsThatDoNotTrustTheTestCAFailVerification() async throws {
        try await ScenarioServer.withRunning(tls: true) { server in
            let result = await CurlProbe.fetch(try #require(server.tlsURL("/bytes?n=1")))
            #expect(result.code == CURLE_PEER_FAILED_VERIFICATION)
        }
    }

    @Test func resetsWorkOverTLSToo() async throws {
        try await ScenarioServer.withRunning(tls: true) { server in
            let caFile = try TemporaryCAFile(server)
            var options = CurlProbe.Options()
            options.caFile = caFile.path
            let result = await CurlProbe.fetch(try #require(server.tlsURL("/bytes?n=100000&reset-after=30000")), options)
            #expect(result.code == CURLE_RECV_ERROR)
            #expect(result.body.count == 30_000)
        }
    }
}
