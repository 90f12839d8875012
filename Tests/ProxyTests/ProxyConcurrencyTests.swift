import Cassette
import CurlTransport
import Foundation
import Proxy
import TapeCore
import ScenarioServer
import Testing

/// Many clients at once through one recording proxy, over HTTP and HTTPS.
struct ProxyConcurrencyTests {
    @Test func hundredConcurrentClientsAreEachRecordedExactlyOnce() async throws {
        let ca = try TemporaryCertificateAuthority()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        let cassette = try Cassette(path: temporaryCassettePath())
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette), certificateAuthority: ca.authority)
        configuration.upstream.tls = .certificateAuthorityPEM(try #require(server.certificateAuthorityPEM))
        let proxy = try await ProxyServer.start(configuration)
        // Half plain, half through CONNECT; each URL unique; a short trickle keeps them overlapping.
        let urls = try (0..<100).map { index in
            let path = "/trickle?chunks=2&size=\(100 + index)&interval=50"
            return index.isMultiple(of: 2) ? server.url(path) : try #require(server.tlsURL(path))
        }
        // One curl process, 100 transfers in parallel, each on its own connection.
        let arguments = ["-Z", "--parallel-max", "100", "--parallel-immediate", "--cacert", ca.certificatePath,
                         "-w", "%{http_code} %{size_download} %{url}\\n"] + urls.flatMap { [$0, "-o", "/dev/null"] }
        let output = try await CurlCommand(proxyPort: proxy.port).runCapturingStandardOutput(arguments)
        #expect(output.exitCode == 0, "curl: \(output.stderr)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 100)
        #expect(lines.allSatisfy { $0.hasPrefix("200 ") }, "\(lines.filter { !$0.hasPrefix("200 ") })")
        await proxy.shutdown()
        #expect(proxy.statistics.recorded == 100)
        let recordedURLs = try cassette.exchanges().map(\.request.url)
        #expect(recordedURLs.count == 100)
        #expect(Set(recordedURLs) == Set(urls))
        try cassette.close()
        try await server.shutdown()
    }
}
