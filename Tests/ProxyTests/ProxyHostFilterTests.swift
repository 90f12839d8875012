import Cassette
import CurlTransport
import Foundation
import Proxy
import ScenarioServer
import TapeCore
import TapeTLS
import Testing

/// `--only-host` / `--ignore-host` through the real proxy: the scenario server is reached as
/// both `127.0.0.1` and `localhost` (the same server under two hosts), the curl CLI is the
/// client. Recording passes the filtered-out host through unrecorded; replay refuses it with
/// 598 and `X-Xhrtape-Excluded: 1`, not counted as a miss.
@Suite(.serialized)
struct ProxyHostFilterTests {
    /// `url` with its host `127.0.0.1` spelled `localhost`.
    private static func viaLocalhost(_ url: String) -> String {
        url.replacingOccurrences(of: "://127.0.0.1:", with: "://localhost:")
    }

    @Test func recordingPassesAHostOutsideTheFilterThroughUnrecorded() async throws {
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let recordedURL = Self.viaLocalhost(server.url("/bytes?n=2000"))
        let passedURL = server.url("/bytes?n=3000")
        let cassette = try Cassette(path: temporaryCassettePath())
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette))
        configuration.hostFilter = HostFilter(only: [try HostPattern("localhost")])
        let proxy = try await ProxyServer.start(configuration)
        let recorded = try await CurlCommand(proxyPort: proxy.port).run(recordedURL)
        let passed = try await CurlCommand(proxyPort: proxy.port).run(passedURL)
        #expect(recorded.status == 200 && recorded.body.count == 2000, "\(recorded.stderr)")
        #expect(passed.status == 200 && passed.body.count == 3000, "\(passed.stderr)")
        #expect(passed.body == BodyPattern.bytes(from: 0, count: 3000))
        let statistics = proxy.statistics
        await proxy.shutdown()
        try await server.shutdown()
        #expect(statistics.recorded == 1)
        #expect(statistics.passedThrough == 1)
        #expect(statistics.filtered == 0)  // only a replaying proxy refuses
        #expect(try cassette.exchanges().map(\.request.url) == [recordedURL])
        try cassette.close()
    }

    /// Inside a `CONNECT` tunnel the request URL is `https://host:port/…`: filtered the same way.
    @Test func requestsInsideATunnelAreFilteredByTheTunnelsHost() async throws {
        let ca = try TemporaryCertificateAuthority()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        let passedURL = try #require(server.tlsURL("/bytes?n=500"))
        let recordedURL = Self.viaLocalhost(passedURL).replacingOccurrences(of: "n=500", with: "n=700")
        let cassette = try Cassette(path: temporaryCassettePath())
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette), certificateAuthority: ca.authority)
        configuration.upstream.tls = .certificateAuthorityPEM(try #require(server.certificateAuthorityPEM))
        configuration.hostFilter = HostFilter(only: [try HostPattern("localhost")])
        let proxy = try await ProxyServer.start(configuration)
        let passed = try await CurlCommand(proxyPort: proxy.port).run(passedURL, ["--cacert", ca.certificatePath])
        let recorded = try await CurlCommand(proxyPort: proxy.port).run(recordedURL, ["--cacert", ca.certificatePath])
        let statistics = proxy.statistics
        await proxy.shutdown()
        try await server.shutdown()
        #expect(passed.status == 200 && passed.body.count == 500, "\(passed.stderr)")
        #expect(recorded.status == 200 && recorded.body.count == 700, "\(recorded.stderr)")
        #expect(statistics.recorded == 1 && statistics.passedThrough == 1)
        #expect(try cassette.exchanges().map(\.request.url) == [recordedURL])
        try cassette.close()
    }

    /// A replaying record mode (`new`) sends a filtered-out request upstream too, and records it not.
    @Test func aRecordModeThatReplaysStillForwardsAnIgnoredHostLive() async throws {
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let ignoredURL = server.url("/bytes?n=10")
        let cassette = try Cassette(path: temporaryCassettePath())
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette, recordMode: .new))
        configuration.hostFilter = HostFilter(ignored: [try HostPattern("127.0.0.1")])
        let proxy = try await ProxyServer.start(configuration)
        for _ in 0..<2 {
            let result = try await CurlCommand(proxyPort: proxy.port).run(ignoredURL)
            #expect(result.status == 200 && result.body.count == 10, "\(result.stderr)")
        }
        let statistics = proxy.statistics
        await proxy.shutdown()
        try await server.shutdown()
        #expect(statistics.passedThrough == 2)
        #expect(statistics.recorded == 0 && statistics.replayed == 0)
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }

    @Test func anUploadToAnIgnoredHostStreamsThroughAndIsNotRecorded() async throws {
        let bytes = (0..<(12 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let cassette = try Cassette(path: temporaryCassettePath())
        // A body limit of 2 MiB: only streaming gets 12 MiB through.
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette), maxRequestBodyBytes: 2 << 20)
        configuration.hostFilter = HostFilter(ignored: [try HostPattern("127.0.0.1")])
        let proxy = try await ProxyServer.start(configuration)
        let result = try await CurlCommand(proxyPort: proxy.port).run(
            server.url("/upload-sink?rate=1099511627776"), ["--data-binary", "@\(file)"])
        await proxy.shutdown()
        try await server.shutdown()
        #expect(result.status == 200, "\(result.stderr)")
        #expect(String(decoding: result.body, as: UTF8.self).contains("\"bytes\":\(bytes.count)"))
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }

    @Test func replayRefusesAHostOutsideTheFilterWithoutCountingAMiss() async throws {
        let path = temporaryCassettePath()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let keptURL = Self.viaLocalhost(server.url("/bytes?n=40"))
        let excludedURL = server.url("/bytes?n=40")
        let cassette = try Cassette(path: path)
        let recorder = try await ProxyServer.start(ProxyConfiguration(mode: .record(cassette: cassette)))
        for url in [keptURL, excludedURL] {
            #expect(try await CurlCommand(proxyPort: recorder.port).run(url).status == 200)
        }
        await recorder.shutdown()
        try cassette.close()
        try await server.shutdown()

        let replayCassette = try Cassette(path: path, access: .readOnly)
        var configuration = ProxyConfiguration(mode: .replay(cassette: replayCassette, timing: .instant))
        configuration.hostFilter = HostFilter(ignored: [try HostPattern("127.0.0.1")])
        let replayer = try await ProxyServer.start(configuration)
        let kept = try await CurlCommand(proxyPort: replayer.port).run(keptURL)
        // Recorded, yet refused: the filter decides before the cassette is looked at.
        let excluded = try await CurlCommand(proxyPort: replayer.port).run(excludedURL)
        let statistics = replayer.statistics
        await replayer.shutdown()
        try replayCassette.close()
        #expect(kept.status == 200 && kept.body == BodyPattern.bytes(from: 0, count: 40))
        #expect(excluded.statusLine == "HTTP/1.1 598 Not Replayed")
        #expect(excluded.headerLines.contains("X-Xhrtape-Excluded: 1"))
        #expect(!excluded.headerLines.contains { $0.hasPrefix("X-Xhrtape-Miss") })
        let explanation = String(decoding: excluded.body, as: UTF8.self)
        #expect(explanation.contains(excludedURL) && explanation.contains("ignoring 127.0.0.1"), "\(explanation)")
        #expect(statistics.replayed == 1)
        #expect(statistics.filtered == 1)
        #expect(statistics.misses == 0)
        #expect(statistics.description.contains("1 outside the host filter"))
    }
}
