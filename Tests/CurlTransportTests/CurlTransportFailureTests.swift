import CurlTransport
import Foundation
import ScenarioServer
import TapeCore
import Testing

extension CurlTransportLiveTests {
    @Suite struct FailureTests {
        @Test func resetMidBodyDeliversTheBytesThatArrivedThenConnectionReset() async throws {
            let harness = try await CurlHarness()
            let request = CurlHarness.request(harness.server.url("/bytes?n=200000&reset-after=70000"))
            let recorder = try harness.exchange(request)
            try await harness.shutdown()

            #expect(recorder.body.count == 70_000)
            #expect(recorder.body == BodyPattern.bytes(from: 0, count: 70_000))
            #expect(recorder.failure?.code == .connectionReset)
            _ = try recorder.timeline(for: request)
        }

        @Test func cleanCloseBeforeContentLengthIsConnectionReset() async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/bytes?n=10000&close-after=3000")
            try await harness.shutdown()

            #expect(recorder.body.count == 3_000)
            #expect(recorder.failure?.code == .connectionReset)
        }

        @Test(arguments: ["fin", "rst"])
        func closeBeforeAnyResponseIsConnectionReset(mode: String) async throws {
            let harness = try await CurlHarness()
            let recorder = try harness.get("/close-before-headers?mode=\(mode)")
            try await harness.shutdown()

            #expect(recorder.head == nil)
            #expect(recorder.failure?.code == .connectionReset)
        }

        @Test func portWithNothingListeningIsConnectionRefused() async throws {
            let closed = try await ScenarioServer.start(ScenarioServer.Configuration(tlsPort: nil))
            let url = closed.url("/bytes")
            try await closed.shutdown()
            let harness = try await CurlHarness()
            let request = CurlHarness.request(url)
            let recorder = try harness.exchange(request)
            try await harness.shutdown()

            #expect(recorder.failure?.code == .connectionRefused)
            #expect(recorder.kinds == ["failure"])
            _ = try recorder.timeline(for: request)
        }

        @Test func totalTimeoutEndsAHangingExchangeAsTimedOut() async throws {
            let harness = try await CurlHarness(configuration: .init(totalTimeout: .milliseconds(300)))
            let recorder = try harness.get("/hang?ms=10000")
            try await harness.shutdown()

            #expect(recorder.failure?.code == .timedOut)
            let offset = try #require(recorder.entries.last?.offsetMicros)
            #expect(offset >= 250_000 && offset < 5_000_000)
        }

        @Test func untrustedCertificateIsATLSFailure() async throws {
            let harness = try await CurlHarness(tls: true)
            let recorder = try harness.exchange(CurlHarness.request(try #require(harness.server.tlsURL("/bytes?n=10"))))
            try await harness.shutdown()

            #expect(recorder.failure?.code == .tls)
        }

        @Test func upstreamProxyReceivesTheRequestInAbsoluteForm() async throws {
            let harness = try await CurlHarness()
            // The scenario server is not a proxy: it answers an absolute-form target with 400.
            // Directly, nothing listens on 127.0.0.2:9 and the connection would be refused.
            let viaProxy = try harness.transport(.init(proxy: .url(harness.server.url(""), bypass: [])))
            let recorder = try harness.exchange(CurlHarness.request("http://127.0.0.2:9/bytes"), on: viaProxy)
            viaProxy.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.status == 400)
        }

        @Test func loopbackBypassesTheUpstreamProxyByDefault() async throws {
            let harness = try await CurlHarness()
            let viaProxy = try harness.transport(.init(proxy: .url("http://127.0.0.2:9")))
            let recorder = try harness.exchange(CurlHarness.request(harness.server.url("/bytes?n=10")), on: viaProxy)
            viaProxy.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.status == 200)
        }
    }

    @Suite struct TLSTests {
        @Test func certificateAuthorityFromMemoryIsTrusted() async throws {
            let harness = try await CurlHarness(tls: true)
            let transport = try harness.transport(.init(tls: .certificateAuthorityPEM(try #require(harness.server.certificateAuthorityPEM))))
            let recorder = try harness.exchange(CurlHarness.request(try #require(harness.server.tlsURL("/bytes?n=100"))), on: transport)
            transport.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.status == 200)
            #expect(recorder.body == BodyPattern.bytes(from: 0, count: 100))
            #expect((recorder.metrics?.tlsHandshakeMicros ?? 0) > 0)
        }

        @Test func certificateAuthorityFileIsTrusted() async throws {
            let harness = try await CurlHarness(tls: true)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-ca-\(UUID().uuidString).pem").path
            try Data(try #require(harness.server.certificateAuthorityPEM).utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let transport = try harness.transport(.init(tls: .certificateAuthorityFile(path)))
            let recorder = try harness.exchange(CurlHarness.request(try #require(harness.server.tlsURL("/bytes?n=100"))), on: transport)
            transport.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.status == 200)
        }

        @Test func insecureOptOutAcceptsAnUntrustedCertificate() async throws {
            let harness = try await CurlHarness(tls: true)
            let transport = try harness.transport(.init(tls: .insecureNoVerification))
            let recorder = try harness.exchange(CurlHarness.request(try #require(harness.server.tlsURL("/bytes?n=10"))), on: transport)
            transport.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.status == 200)
        }

        @Test func http2RequestFallsBackToTheServersHTTP11() async throws {
            let harness = try await CurlHarness(tls: true)
            let transport = try harness.transport(.init(tls: .certificateAuthorityPEM(try #require(harness.server.certificateAuthorityPEM))))
            let request = CurlHarness.request(try #require(harness.server.tlsURL("/bytes?n=10")), version: .http2)
            let recorder = try harness.exchange(request, on: transport)
            transport.shutdown()
            try await harness.shutdown()

            #expect(recorder.head?.version == .http1_1)
            #expect(recorder.body.count == 10)
        }
    }
}
