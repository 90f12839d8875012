import Cassette
import Foundation
import Proxy
import ScenarioServer
import TapeCore
import TapeTLS
import Testing

/// A real browser as the proxy's client: headless Chromium loads an HTTPS page through the
/// recording proxy, trusting the local CA only by the SPKI hash `xhrtape ca export` gives,
/// then loads it again from the replaying proxy with the server stopped.
@Suite(.serialized, .enabled(if: HeadlessChromium.enabled))
struct ProxyChromiumTests {
    @Test func chromiumTrustsTheCAByItsSPKIHashAndGetsTheSamePageReplayedOffline() async throws {
        let ca = try TemporaryCertificateAuthority()
        let path = temporaryCassettePath()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        let url = try #require(server.tlsURL("/bytes?n=26&type=text/plain"))
        let body = String(decoding: BodyPattern.bytes(from: 0, count: 26), as: UTF8.self)
        let cassette = try Cassette(path: path)
        // Chromium's own background requests (updates, sync, connectivity checks) reach the proxy
        // too; the host filter passes them through unrecorded (they fail: no network here).
        var configuration = try ProxyHTTPSTests.recordConfiguration(cassette, ca: ca, server: server)
        let origin = try #require(server.tlsPort.map { "127.0.0.1:\($0)" })
        configuration.hostFilter = HostFilter(only: [try HostPattern(origin)])
        let recorder = try await ProxyServer.start(configuration)

        // Without the hash, Chromium refuses the proxy's leaf: no page, the page not recorded.
        let untrusted = try await HeadlessChromium.dumpDOM(url, proxyPort: recorder.port, spki: nil)
        #expect(!untrusted.contains(body), "\(untrusted)")

        let recorded = try await HeadlessChromium.dumpDOM(url, proxyPort: recorder.port, spki: ca.authority.spkiSHA256Base64)
        #expect(recorded.contains(body), "\(recorded)")
        await recorder.shutdown()
        try await server.shutdown()
        let urls = try cassette.exchanges().map(\.request.url)
        #expect(urls.filter { $0 == url }.count == 1, "\(urls)")
        #expect(urls.allSatisfy { $0.hasPrefix("https://\(origin)/") }, "only the page's server is recorded: \(urls)")
        try cassette.close()

        let replayCassette = try Cassette(path: path, access: .readOnly)
        let replayer = try await ProxyServer.start(ProxyConfiguration(
            mode: .replay(cassette: replayCassette, timing: .original), certificateAuthority: ca.authority))
        let replayed = try await HeadlessChromium.dumpDOM(url, proxyPort: replayer.port, spki: ca.authority.spkiSHA256Base64)
        #expect(replayed == recorded)
        #expect(replayer.statistics.replayed >= 1)
        await replayer.shutdown()
        try replayCassette.close()
    }
}
