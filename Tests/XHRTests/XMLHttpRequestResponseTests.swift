@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// response, responseText, responseType, overrideMimeType and the header getters.
struct XMLHttpRequestResponseTests {
    static let url = "http://h.test/r"

    private func completed(_ body: [UInt8], headers: [(String, String)], responseType: XMLHttpRequest.ResponseType = .empty, override: String? = nil) throws -> XMLHttpRequest {
        let harness = XHRHarness([Self.url: Script.trickle(body, chunks: 1, gap: 1, headers: headers)])
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.setResponseType(responseType)
        if let override { try harness.xhr.overrideMimeType(override) }
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        return harness.xhr
    }

    @Test("responsetype.html: json, arraybuffer and blob responses at DONE")
    func typedResponses() throws {
        let json = try completed(Array(#"{"a":[1,2]}"#.utf8), headers: [("Content-Type", "application/json")], responseType: .json)
        guard case .json(let value) = json.response else { Issue.record("not json"); return }
        #expect((value as? [String: Any])?["a"] as? [Int] == [1, 2])
        let bad = try completed(Array("{nope".utf8), headers: [], responseType: .json)
        #expect(bad.response.isNull)
        let buffer = try completed([1, 2, 3], headers: [], responseType: .arraybuffer)
        guard case .arrayBuffer(let bytes) = buffer.response else { Issue.record("not bytes"); return }
        #expect(bytes == [1, 2, 3])
        let blob = try completed([7], headers: [("Content-Type", "Text/Plain;Charset=UTF-8")], responseType: .blob)
        guard case .blob(let value) = blob.response else { Issue.record("not a blob"); return }
        #expect(value.bytes == [7])
        #expect(value.type == "text/plain;charset=UTF-8")
    }

    @Test("responsetext-decoding.htm: the header charset, the override and the BOM decide")
    func textDecoding() throws {
        let latin = try completed([0x63, 0x61, 0x66, 0xE9], headers: [("Content-Type", "text/plain;charset=windows-1252")])
        #expect(try latin.responseText == "café")
        let overridden = try completed([0x63, 0x61, 0x66, 0xE9], headers: [("Content-Type", "text/plain;charset=utf-8")], override: "text/plain;charset=iso-8859-1")
        #expect(try overridden.responseText == "café")
        let bom = try completed([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], headers: [("Content-Type", "text/plain;charset=windows-1252")])
        #expect(try bom.responseText == "hi")
    }

    @Test("responseText on a non-text responseType throws InvalidStateError")
    func responseTextThrowsForOtherTypes() throws {
        let xhr = try completed([1], headers: [], responseType: .arraybuffer)
        #expect(throws: DOMException.self) { _ = try xhr.responseText }
    }

    @Test("getallresponseheaders.htm: lowercased, combined, sorted, Set-Cookie filtered")
    func allResponseHeaders() throws {
        let xhr = try completed([], headers: [("X-B", "2"), ("x-a", "1"), ("Set-Cookie", "s=1"), ("X-B", "3")])
        #expect(xhr.getAllResponseHeaders() == "content-length: 0\r\nx-a: 1\r\nx-b: 2, 3\r\n")
        #expect(xhr.getResponseHeader("x-b") == "2, 3")
        #expect(xhr.getResponseHeader("set-cookie") == nil)
        #expect(xhr.statusText == "OK")
    }

    @Test("setrequestheader-case-insensitive / -allow-empty-value: headers combine; forbidden ones are dropped")
    func requestHeadersCombine() throws {
        let harness = XHRHarness([Self.url: Script.trickle([1], chunks: 1, gap: 1)])
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.setRequestHeader("X-Test", "a")
        try harness.xhr.setRequestHeader("x-test", "b")
        try harness.xhr.setRequestHeader("Cookie", "no")
        try harness.xhr.setRequestHeader("X-Empty", "")
        #expect(throws: DOMException.self) { try harness.xhr.setRequestHeader("Bad Name", "x") }
        try harness.xhr.send()
        let sent = try #require(harness.transport.requests.first).head.headerFields.wirePairs
        #expect(sent.map(\.name) == ["X-Test", "X-Empty", "Accept"])  // Fetch appends Accept: */*
        #expect(sent.first?.value == "a, b")
    }

    @Test("open-method-bogus / open-method-insecure / open-method-case-sensitive")
    func openValidatesAndNormalisesTheMethod() throws {
        let harness = XHRHarness([:])
        #expect { try harness.xhr.open("GE T", Self.url) } throws: { ($0 as? DOMException)?.name == .syntaxError }
        #expect { try harness.xhr.open("TRACK", Self.url) } throws: { ($0 as? DOMException)?.name == .securityError }
        try harness.xhr.open("post", Self.url)
        #expect(harness.xhr.requestMethod == "POST")
        try harness.xhr.open("patch", Self.url)
        #expect(harness.xhr.requestMethod == "patch")
        #expect { try harness.xhr.open("GET", "http://[bad") } throws: { ($0 as? DOMException)?.name == .syntaxError }
    }

    @Test("send-content-type-string: a string body gets text/plain;charset=UTF-8")
    func stringBodiesGetTheirContentType() throws {
        let harness = XHRHarness([Self.url: Script.trickle([1], chunks: 1, gap: 1)])
        try harness.xhr.open("POST", Self.url)
        try harness.xhr.send("hello")
        let sent = try #require(harness.transport.requests.first)
        #expect(sent.head.headerFields.wirePairs.first { $0.name == "Content-Type" }?.value == "text/plain;charset=UTF-8")
        #expect(sent.body == Array("hello".utf8))
    }
}
