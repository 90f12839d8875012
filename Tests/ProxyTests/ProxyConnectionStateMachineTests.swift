import HTTPTypes
import NIOHTTP1
@testable import Proxy
import TapeCore
import Testing

/// The connection state machine on its own: no sockets, no threads.
struct ProxyConnectionStateMachineTests {
    static func machine() -> ProxyConnectionStateMachine {
        ProxyConnectionStateMachine(
            connection: 1, validator: RequestHeadValidator(proxyHost: "127.0.0.1", proxyPort: 8888, maxHeadBytes: 65_536),
            maxBodyBytes: 10)
    }

    /// A machine of a proxy with a CA; inside the tunnel to `tunnel` when given.
    static func interceptingMachine(tunnel: TunnelOrigin? = nil) -> ProxyConnectionStateMachine {
        ProxyConnectionStateMachine(
            connection: 1, validator: RequestHeadValidator(proxyHost: "127.0.0.1", proxyPort: 8888, maxHeadBytes: 65_536,
                                                           interceptsTLS: true, tunnel: tunnel),
            maxBodyBytes: 10)
    }

    static func head(_ uri: String, method: HTTPMethod = .GET, headers: [(String, String)] = []) -> HTTPRequestHead {
        HTTPRequestHead(version: .http1_1, method: method, uri: uri, headers: HTTPHeaders(headers))
    }

    static let key = ExchangeKey(connection: 1, sequence: 1)

    @Test func absoluteFormRequestStartsAnExchangeWithoutHopByHopFields() throws {
        var machine = Self.machine()
        #expect(machine.requestHead(Self.head("http://example.test/a", headers: [
            ("Host", "example.test"), ("Proxy-Connection", "keep-alive"), ("X-Case", "Kept"),
        ])) == .none)
        #expect(machine.requestBody([1, 2, 3]) == .none)
        guard case .startExchange(let request, let key) = machine.requestEnd() else {
            Issue.record("expected an exchange to start"); return
        }
        #expect(key == Self.key)
        #expect(request.body == [1, 2, 3])
        #expect(request.head.url == "http://example.test/a")
        #expect(request.head.headerFields.wirePairs.map(\.name) == ["Host", "X-Case"])
    }

    @Test func originFormIsRejectedAndCloses() {
        var machine = Self.machine()
        guard case .answer(let answer, close: true) = machine.requestHead(Self.head("/a")) else {
            Issue.record("expected a rejection"); return
        }
        #expect(answer.status == 400)
        #expect(answer.reason == "not-a-proxy-request")
    }

    @Test func bodyOverTheLimitIs413() {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/", method: .POST))
        guard case .answer(let answer, close: true) = machine.requestBody(Array(repeating: 0, count: 11)) else {
            Issue.record("expected a rejection"); return
        }
        #expect(answer.status == 413)
    }

    @Test func resetAfterTheHeadResetsTheConnection() {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/"))
        _ = machine.requestEnd()
        let head = ResponseHead(status: 200, reasonPhrase: "OK")
        #expect(machine.upstreamEvent(.responseHead(head), for: Self.key) == .writeHead(head))
        #expect(machine.upstreamEvent(.responseBodyChunk([1]), for: Self.key) == .writeBody([1]))
        #expect(machine.upstreamEvent(.failure(TransportFailure(.connectionReset, message: "reset")), for: Self.key) == .reset)
        #expect(machine.upstreamEvent(.responseBodyChunk([2]), for: Self.key) == .none)
    }

    @Test func eventsOfAnotherExchangeAreIgnored() {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/"))
        _ = machine.requestEnd()
        let stale = ExchangeKey(connection: 1, sequence: 7)
        #expect(machine.upstreamEvent(.responseHead(ResponseHead(status: 200, reasonPhrase: "OK")), for: stale) == .none)
    }

    @Test func failureBeforeTheHeadIsA502AndKeepsTheConnection() {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/"))
        _ = machine.requestEnd()
        guard case .answer(let answer, close: false) = machine.upstreamEvent(
            .failure(TransportFailure(.connectionRefused, message: "refused")), for: Self.key)
        else { Issue.record("expected a 502"); return }
        #expect(answer.status == 502)
        guard case .idle = machine.state else { Issue.record("expected idle"); return }
    }

    @Test func clientGoneCancelsTheExchange() {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/"))
        _ = machine.requestEnd()
        #expect(machine.connectionClosed() == .cancelExchange(Self.key))
    }

    @Test func clientClosingAfterTheWholeAnnouncedBodyLetsTheExchangeFinish() throws {
        var machine = Self.machine()
        _ = machine.requestHead(Self.head("http://example.test/"))
        _ = machine.requestEnd()
        let fields = try #require(HTTPFields(wirePairs: [("Content-Length", "2")]))
        _ = machine.upstreamEvent(.responseHead(ResponseHead(status: 200, reasonPhrase: "OK", headerFields: fields)), for: Self.key)
        _ = machine.upstreamEvent(.responseBodyChunk([1, 2]), for: Self.key)
        #expect(machine.connectionClosed() == .detachExchange(Self.key))
    }

    @Test func connectOpensATunnelOnceItsRequestEnds() throws {
        var machine = Self.interceptingMachine()
        #expect(machine.requestHead(Self.head("api.example.test:443", method: .CONNECT)) == .none)
        let origin = try #require(TunnelOrigin(connectTarget: "api.example.test:443"))
        #expect(machine.requestEnd() == .openTunnel(origin))
        #expect(machine.connectionClosed() == .none)
    }

    @Test func requestsInsideATunnelBecomeHTTPSExchanges() throws {
        let origin = try #require(TunnelOrigin(connectTarget: "127.0.0.1:8443"))
        var machine = Self.interceptingMachine(tunnel: origin)
        _ = machine.requestHead(Self.head("/users?page=2", headers: [("Host", "127.0.0.1:8443")]))
        guard case .startExchange(let request, _) = machine.requestEnd() else {
            Issue.record("expected an exchange to start"); return
        }
        #expect(request.head.url == "https://127.0.0.1:8443/users?page=2")
    }

    @Test func connectInsideATunnelIsRejected() throws {
        let origin = try #require(TunnelOrigin(connectTarget: "example.test:443"))
        var machine = Self.interceptingMachine(tunnel: origin)
        guard case .answer(let answer, close: true) = machine.requestHead(Self.head("other.test:443", method: .CONNECT)) else {
            Issue.record("expected a rejection"); return
        }
        #expect(answer.status == 400)
    }

    @Test func connectTargetsMustBeHostAndPort() {
        #expect(TunnelOrigin(connectTarget: "Example.TEST:443").map { [$0.host, "\($0.port)"] } == ["example.test", "443"])
        #expect(TunnelOrigin(connectTarget: "[::1]:8443").map { [$0.host, "\($0.port)"] } == ["::1", "8443"])
        #expect(TunnelOrigin(connectTarget: "[::1]:8443")?.urlPrefix == "https://[::1]:8443")
        #expect(TunnelOrigin(connectTarget: "example.test:443")?.urlPrefix == "https://example.test")
        for bad in ["example.test", "example.test:", "example.test:0", "example.test:65536", ":443", "[::1]443",
                    "ex ample.test:443", "http://example.test:443", "example.test:44a3", "-x.test:443"] {
            #expect(TunnelOrigin(connectTarget: bad) == nil, "\(bad)")
        }
    }

    // MARK: Streamed request bodies

    static func streamingMachine(allowed: Bool = true) -> ProxyConnectionStateMachine {
        ProxyConnectionStateMachine(
            connection: 1, validator: RequestHeadValidator(proxyHost: "127.0.0.1", proxyPort: 8888, maxHeadBytes: 65_536),
            maxBodyBytes: 2 << 20, streamsBody: { _ in allowed })
    }

    static let threshold = ProxyConnectionStateMachine.streamingThresholdBytes

    @Test func aBodyPastTheThresholdStartsItsExchangeAndStreamsTheRest() throws {
        var machine = Self.streamingMachine()
        let length = 3 * Self.threshold
        _ = machine.requestHead(Self.head("http://example.test/up", method: .POST, headers: [("Content-Length", "\(length)")]))
        let first = [UInt8](repeating: 1, count: Self.threshold)
        #expect(machine.requestBody(first) == .none, "up to the threshold the body is collected")
        guard case .startStreamingExchange(let request, let key, let prefix, let announced) = machine.requestBody([2, 3]) else {
            Issue.record("expected the exchange to start streaming"); return
        }
        #expect(request.body.isEmpty)
        #expect(key == Self.key)
        #expect(prefix == first + [2, 3])
        #expect(announced == Int64(length))
        #expect(machine.requestBody([4]) == .forwardBody([4]))
        #expect(machine.upstreamEvent(.responseHead(ResponseHead(status: 200, reasonPhrase: "OK")), for: Self.key) == .writeHead(ResponseHead(status: 200, reasonPhrase: "OK")))
        #expect(machine.requestBody([5]) == .forwardBody([5]), "the body keeps streaming while the response is written")
        #expect(machine.requestEnd() == .endUpload)
        #expect(machine.upstreamEvent(.responseEnd(trailers: nil), for: Self.key) == .writeEnd(trailers: nil, close: false))
        #expect(machine.uploading == false)
    }

    @Test func aResponseThatEndsBeforeItsStreamingBodyClosesTheConnection() throws {
        var machine = Self.streamingMachine()
        _ = machine.requestHead(Self.head("http://example.test/up", method: .POST))
        guard case .startStreamingExchange = machine.requestBody([UInt8](repeating: 0, count: Self.threshold + 1)) else {
            Issue.record("expected the exchange to start streaming"); return
        }
        _ = machine.upstreamEvent(.responseHead(ResponseHead(status: 413, reasonPhrase: "Content Too Large")), for: Self.key)
        #expect(machine.upstreamEvent(.responseEnd(trailers: nil), for: Self.key) == .writeEnd(trailers: nil, close: true))
        #expect(machine.requestBody([1]) == .none, "the rest of the body has nowhere to go")
    }

    @Test func aClientThatLeavesMidUploadCancelsTheExchange() throws {
        var machine = Self.streamingMachine()
        _ = machine.requestHead(Self.head("http://example.test/up", method: .POST))
        _ = machine.requestBody([UInt8](repeating: 0, count: Self.threshold + 1))
        #expect(machine.connectionClosed() == .cancelExchange(Self.key))
    }

    @Test func aBodyThatMayNotStreamIsCollectedUpToTheLimit() throws {
        var machine = Self.streamingMachine(allowed: false)
        _ = machine.requestHead(Self.head("http://example.test/up", method: .POST))
        #expect(machine.requestBody([UInt8](repeating: 0, count: Self.threshold + 1)) == .none)
        guard case .answer(let answer, close: true) = machine.requestBody([UInt8](repeating: 0, count: 2 << 20)) else {
            Issue.record("expected 413"); return
        }
        #expect(answer.status == 413)
    }

    @Test func expectContinueIsAnsweredByTheProxy() throws {
        var machine = Self.streamingMachine()
        #expect(machine.requestHead(Self.head("http://example.test/up", method: .POST, headers: [("Expect", "100-continue")])) == .sendContinue)
    }
}
