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
        let recorder = try await ProxyServer.start(try ProxyHTTPSTests.recordConfiguration(cassette, ca: ca, server: server))

        // Without the hash, Chromium refuses the proxy's leaf: no page, the page not recorded.
        // (Chromium's own background requests still reach the proxy, and fail: no network here.)
        let untrusted = try await HeadlessChromium.dumpDOM(url, proxyPort: recorder.port, spki: nil)
        #expect(!untrusted.contains(body), "\(untrusted)")

        let recorded = try await HeadlessChromium.dumpDOM(url, proxyPort: recorder.port, spki: ca.authority.spkiSHA256Base64)
        #expect(recorded.contains(body), "\(recorded)")
        await recorder.shutdown()
        try await server.shutdown()
        let urls = try cassette.exchanges().map(\.request.url)
        #expect(urls.filter { $0 == url }.count == 1, "\(urls)")
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
