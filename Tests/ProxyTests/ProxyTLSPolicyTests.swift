import CurlTransport
import Foundation
import Proxy
import ScenarioServer
import Testing

/// The TLS rules of the proxy, through real `CONNECT` tunnels with the curl CLI: upstream
/// certificates are verified unless the user opts out, ALPN inside a tunnel offers
/// `http/1.1` only, and leaf certificates are issued per host and reused.
@Suite(.serialized)
struct ProxyTLSPolicyTests {
    @Test func upstreamCertificatesAreVerifiedUnlessTheUserOptsOut() async throws {
        let ca = try TemporaryCertificateAuthority()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        let url = try #require(server.tlsURL("/bytes?n=4"))
        let trust = ["--cacert", ca.certificatePath]

        // The scenario server's certificate is signed by its own CA, which the system store lacks.
        let verifying = try await ProxyServer.start(ProxyConfiguration(mode: .passthrough, certificateAuthority: ca.authority))
        let refused = try await CurlCommand(proxyPort: verifying.port).run(url, trust)
        #expect(refused.status == 502, "\(refused.headText) \(refused.stderr)")
        #expect(refused.headerLines.contains("X-Xhrtape-Error: upstream-tls"), "\(refused.headerLines)")
        #expect(verifying.statistics.failures == 1)
        await verifying.shutdown()

        var configuration = ProxyConfiguration(mode: .passthrough, certificateAuthority: ca.authority)
        configuration.upstream.tls = .insecureNoVerification
        let insecure = try await ProxyServer.start(configuration)
        let accepted = try await CurlCommand(proxyPort: insecure.port).run(url, trust)
        #expect(accepted.status == 200, "\(accepted.stderr)")
        #expect(accepted.body.count == 4)
        await insecure.shutdown()
        try await server.shutdown()
    }

    @Test func alpnInsideATunnelOffersOnlyHTTP11AndLeavesArePerHostAndReused() async throws {
        let ca = try TemporaryCertificateAuthority()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        var configuration = ProxyConfiguration(mode: .passthrough, certificateAuthority: ca.authority)
        configuration.upstream.tls = .insecureNoVerification  // `localhost` is not in the scenario server's certificate
        let proxy = try await ProxyServer.start(configuration)
        let curl = CurlCommand(proxyPort: proxy.port)
        let url = try #require(server.tlsURL("/bytes?n=4"))

        // A client that would rather speak HTTP/2 is answered in HTTP/1.1.
        let http2 = try await curl.run(url, ["--cacert", ca.certificatePath, "--http2", "-v"])
        #expect(http2.statusLine?.hasPrefix("HTTP/1.1 200") == true, "\(http2.headText)")
        #expect(http2.stderr.contains("ALPN: server accepted http/1.1"), "\(http2.stderr)")

        func leaf(_ url: String) async throws -> String {
            let run = try await curl.runCapturingStandardOutput(
                ["--cacert", ca.certificatePath, "-o", "/dev/null", "-w", "%{certs}", url])
            #expect(run.exitCode == 0, "\(url): \(run.stderr)")
            return run.standardOutput
        }
        let first = try await leaf(url)
        let again = try await leaf(url)
        let otherHost = try await leaf(url.replacingOccurrences(of: "127.0.0.1", with: "localhost"))
        #expect(first.contains("Serial Number"), "\(first)")
        #expect(again == first, "a second tunnel to the same host presents the same leaf")
        #expect(otherHost != first, "another host gets a leaf of its own")
        #expect(otherHost.contains("DNS:localhost"), "\(otherHost)")
        #expect(first.contains("IP Address:127.0.0.1"), "\(first)")
        await proxy.shutdown()
        try await server.shutdown()
    }
}
