import Cassette
import CurlTransport
import Foundation
import Proxy
import ScenarioServer
import TapeCore
import TapeTLS
import Testing

/// Request bodies larger than the proxy buffers stream upstream as they arrive: the curl
/// CLI uploads through the proxy to the scenario server's upload sink, which reports the
/// bytes and checksum it read.
@Suite(.serialized)
struct ProxyUploadStreamingTests {
    /// 24 MiB of varied bytes, in a file for curl.
    private static func uploadFile() throws -> (path: String, bytes: [UInt8]) {
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        let bytes = [UInt8](random.readData(ofLength: 24 << 20))
        try random.close()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return (path, bytes)
    }

    /// FNV-1a 64, as the upload sink reports it.
    private static func fnv1a64(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    private static func upload(through port: Int, to server: ScenarioServer, file: String) async throws -> CurlCommand.Result {
        // rate: the sink reads as fast as it can; the proxy's own buffer is what bounds memory.
        try await CurlCommand(proxyPort: port).run(server.url("/upload-sink?rate=1099511627776"), ["--data-binary", "@\(file)"])
    }

    @Test(arguments: [false, true])
    func anUploadLargerThanTheBodyLimitStreamsThroughByteForByte(recording: Bool) async throws {
        let (file, bytes) = try Self.uploadFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let path = temporaryCassettePath()
        let cassette = try Cassette(path: path, configuration: CassetteConfiguration(redactor: .none))
        // A body limit of 4 MiB: only streaming gets 24 MiB through.
        let proxy = try await ProxyServer.start(ProxyConfiguration(
            mode: recording ? .record(cassette: cassette) : .passthrough, maxRequestBodyBytes: 4 << 20))
        let result = try await Self.upload(through: proxy.port, to: server, file: file)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.status == 200)
        let report = String(decoding: result.body, as: UTF8.self)
        #expect(report.contains("\"bytes\":\(bytes.count)"), "\(report)")
        #expect(report.contains("\"fnv1a64\":\"\(Self.fnv1a64(bytes))\""), "\(report)")
        await proxy.shutdown()
        try await server.shutdown()
        if recording {
            // The cassette keeps the body as it went upstream, in its request-body events.
            let id = try #require(try cassette.exchanges().first?.id)
            #expect(try cassette.request(of: id).body == bytes)
            #expect(try cassette.summary(of: id).requestBodyLength == bytes.count)
            let timeline = try cassette.timeline(of: id)
            let sent = timeline.entries.reduce(0) { total, entry in
                if case .requestBodySent(let count) = entry.event { return total + count }
                return total
            }
            #expect(sent == bytes.count)
            #expect(timeline.entries.filter { if case .requestBodySent = $0.event { true } else { false } }.count > 1)
        } else {
            #expect(try cassette.exchangeCount() == 0)
        }
        try cassette.close()
        if recording {
            let verification = try Cassette.verify(at: path)
            #expect(verification.problems.isEmpty, "\(verification.problems)")
            #expect(verification.exchangeCount == 1)
        }
    }

    @Test func anUploadStreamsThroughAnInterceptedTLSTunnelToo() async throws {
        let (file, bytes) = try Self.uploadFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let ca = try TemporaryCertificateAuthority()
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: 0))
        let cassette = try Cassette(path: temporaryCassettePath(), configuration: CassetteConfiguration(redactor: .none))
        var configuration = ProxyConfiguration(mode: .record(cassette: cassette), maxRequestBodyBytes: 4 << 20, certificateAuthority: ca.authority)
        configuration.upstream.tls = .certificateAuthorityPEM(try #require(server.certificateAuthorityPEM))
        let proxy = try await ProxyServer.start(configuration)
        let url = try #require(server.tlsURL("/upload-sink?rate=1099511627776"))
        let result = try await CurlCommand(proxyPort: proxy.port).run(url, ["--cacert", ca.certificatePath, "--data-binary", "@\(file)"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = String(decoding: result.body, as: UTF8.self)
        #expect(report.contains("\"fnv1a64\":\"\(Self.fnv1a64(bytes))\""), "\(report)")
        await proxy.shutdown()
        try await server.shutdown()
        let id = try #require(try cassette.exchanges().first?.id)
        #expect(try cassette.request(of: id).body == bytes)
        try cassette.close()
    }

    @Test func aReplayingProxyStillAnswersAnOversizedBodyWith413() async throws {
        let (file, _) = try Self.uploadFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let server = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
        let cassette = try Cassette(path: temporaryCassettePath())
        try cassette.close()
        let replayCassette = try Cassette(path: cassette.path, access: .readOnly)
        // Replay matches whole requests, so the body cannot stream.
        let proxy = try await ProxyServer.start(ProxyConfiguration(mode: .replay(cassette: replayCassette), maxRequestBodyBytes: 4 << 20))
        let result = try await Self.upload(through: proxy.port, to: server, file: file)
        #expect(result.status == 413)
        await proxy.shutdown()
        try await server.shutdown()
        try replayCassette.close()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
