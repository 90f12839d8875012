import ContentCoding
@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// The fetch layer under the XHR: redirects, content decoding, misbehaving transports.
struct XMLHttpRequestFetchTests {
    static let base = "http://h.test"

    private func redirect(_ code: Int, to location: String) -> [Timeline.Entry] {
        [Script.at(1, Script.head(code, "Redirect", [("Location", location), ("Content-Length", "0")])), Script.at(1, Script.end)]
    }

    @Test(arguments: [(301, "POST", "GET"), (302, "POST", "GET"), (303, "PUT", "GET"), (303, "HEAD", "HEAD"), (307, "POST", "POST"), (308, "PUT", "PUT"), (301, "PUT", "PUT")])
    func redirectsRewriteTheMethodAsFetchSays(code: Int, method: String, expected: String) throws {
        let harness = XHRHarness([
            "\(Self.base)/start": redirect(code, to: "/final"),
            "\(Self.base)/final": Script.trickle(Script.bytes(4), chunks: 1, gap: 1),
        ])
        try harness.xhr.open(method, "\(Self.base)/start")
        try harness.xhr.setRequestHeader("Content-Type", "text/plain")
        try harness.xhr.send("body")
        harness.scheduler.runUntilIdle()
        let second = try #require(harness.transport.requests.last)
        #expect(second.head.method == expected)
        #expect(second.head.url == "\(Self.base)/final")
        let keepsBody = expected == method
        #expect(second.body == (keepsBody && method != "HEAD" ? Array("body".utf8) : []))
        #expect(second.head.headerFields.wirePairs.contains { $0.name == "Content-Type" } == keepsBody)
        #expect(harness.xhr.responseURL == "\(Self.base)/final")
        #expect(harness.xhr.status == 200)
    }

    @Test("redirect-loop: the 21st redirect is a network error")
    func redirectLoopIsANetworkError() throws {
        let harness = XHRHarness(["\(Self.base)/loop": redirect(302, to: "/loop")])
        try harness.xhr.open("GET", "\(Self.base)/loop")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.transport.requests.count == 21)
        #expect(harness.log.suffix(3) == ["rsc4", "error(0/0)", "loadend(0/0)"])
        #expect(harness.xhr.status == 0)
    }

    @Test("redirect-bogus-location (as far as Foundation's URL parser rejects it): a bad Location is a network error")
    func bogusLocationIsANetworkError() throws {
        let harness = XHRHarness(["\(Self.base)/bad": redirect(302, to: "ftp://h.test/x")])
        try harness.xhr.open("GET", "\(Self.base)/bad")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log.suffix(2) == ["error(0/0)", "loadend(0/0)"])
    }

    @Test("gzip-body.any.js: gzip bodies are decoded; progress counts decoded bytes")
    func gzipBodiesAreDecoded() throws {
        let plain = Script.bytes(5_000)
        let encoded = try ContentEncoder.encode(plain, as: .gzip)
        let harness = XHRHarness(["\(Self.base)/gz": Script.trickle(encoded, chunks: 3, gap: 60, headers: [("Content-Encoding", "gzip")])])
        try harness.xhr.open("GET", "\(Self.base)/gz")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(try harness.xhr.responseText == String(decoding: plain, as: UTF8.self))
        #expect(harness.log.suffix(3) == ["rsc4", "load(5000/\(encoded.count))", "loadend(5000/\(encoded.count))"])
    }

    @Test func aCorruptGzipBodyIsANetworkError() throws {
        let harness = XHRHarness(["\(Self.base)/gz": Script.trickle([0x1F, 0x8B, 0x08, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3], chunks: 1, gap: 1, headers: [("Content-Encoding", "gzip")])])
        try harness.xhr.open("GET", "\(Self.base)/gz")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log.suffix(2) == ["error(0/0)", "loadend(0/0)"])
        #expect(harness.xhr.networkErrorReason != nil)
    }

    @Test func aMalformedTimelineIsANetworkErrorNotACrash() throws {
        let harness = XHRHarness(["\(Self.base)/bad": [Script.at(1, .responseBodyChunk([1, 2])), Script.at(2, Script.end)]])
        try harness.xhr.open("GET", "\(Self.base)/bad")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "error(0/0)", "loadend(0/0)"])
        let late = XHRHarness(["\(Self.base)/late": Script.trickle(Script.bytes(2), chunks: 1, gap: 1) + [Script.at(50, .responseBodyChunk([9]))]])
        try late.xhr.open("GET", "\(Self.base)/late")
        try late.xhr.send()
        late.scheduler.runUntilIdle()
        #expect(late.log.last == "loadend(2/2)")
        #expect(late.xhr.responseBytes == Script.bytes(2))
    }

    @Test("send-network-error-async-events.sub.htm: a refused connection fires error")
    func refusedConnectionFiresError() throws {
        let harness = XHRHarness([:])  // no script: the transport refuses
        harness.listenToUpload()
        try harness.xhr.open("POST", "\(Self.base)/nowhere")
        try harness.xhr.send("x")
        harness.scheduler.runUntilIdle()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "upload.loadstart(0/1)", "rsc4", "upload.error(0/0)", "upload.loadend(0/0)", "error(0/0)", "loadend(0/0)"])
    }
}
