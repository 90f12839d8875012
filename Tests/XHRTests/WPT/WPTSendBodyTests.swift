@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT group 13: send() body types. JavaScript values reach ``XMLHttpRequest/send(_:)``
/// after the IDL binding converted them (to a string, bytes, a Blob …); the tests start
/// from the converted value.
struct WPTSendBodyTests {
    static func post(_ body: XHRRequestBody?, to url: String = "./resources/content.py", responseType: XMLHttpRequest.ResponseType = .empty) throws -> XHRHarness {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", url)
        try harness.xhr.setResponseType(responseType)
        try harness.xhr.send(body)
        harness.scheduler.runUntilIdle()
        return harness
    }

    @Test("send-data-arraybuffer.any.js: an ArrayBuffer body is sent verbatim")
    func arrayBufferBody() throws {
        let harness = try Self.post(.bytes([0x48, 0x65, 0x6C, 0x6C, 0x6F]))
        #expect(harness.xhr.status == 200)
        #expect(harness.xhr.response.text == "Hello")
        #expect(harness.xhr.getResponseHeader("X-Request-Content-Type") == "NO")
    }

    @Test("send-data-arraybufferview.any.js: a Uint8Array body is sent verbatim")
    func arrayBufferViewBody() throws {
        let harness = try Self.post(.bytes(Array("Hello".utf8)))
        #expect(harness.xhr.status == 200)
        #expect(harness.xhr.response.text == "Hello")
    }

    @Test("send-data-blob.htm: a Blob received by one XHR can be sent by another")
    func blobFromResponse() throws {
        let first = WPTServer.harness()
        try first.xhr.open("GET", "./resources/content.py?content=Hello")
        try first.xhr.setResponseType(.blob)
        try first.xhr.send()
        first.scheduler.runUntilIdle()
        guard case .blob(let blob) = first.xhr.response else { Issue.record("expected a Blob"); return }
        let second = try Self.post(.blob(blob))
        #expect(second.xhr.status == 200)
        #expect(second.xhr.response.text == "Hello")
        #expect(second.xhr.getResponseHeader("X-Request-Content-Type") == "text/plain")
    }

    /// A JavaScript string with a lone surrogate becomes a USVString (U+FFFD) at the
    /// binding; Swift's UTF-16 decoding does the same conversion.
    @Test("send-data-string-invalid-unicode.any.js: lone surrogates are sent as U+FFFD; a surrogate pair as its code point",
          arguments: [([0xD83D], [239, 191, 189]), ([0xD83D, 0x61, 0x62], [239, 191, 189, 97, 98]), ([0x61, 0xD83D, 0x62], [97, 239, 191, 189, 98]),
                      ([0x61, 0x62, 0xD83D], [97, 98, 239, 191, 189]), ([0xDC94], [239, 191, 189]), ([0xDC94, 0x61, 0x62], [239, 191, 189, 97, 98]),
                      ([0x61, 0xDC94, 0x62], [97, 239, 191, 189, 98]), ([0x61, 0x62, 0xDC94], [97, 98, 239, 191, 189]),
                      ([0xD83D, 0xDC94], [240, 159, 146, 148])] as [([UInt16], [UInt8])])
    func invalidUnicode(units: [UInt16], expected: [UInt8]) throws {
        let harness = try Self.post(.string(String(decoding: units, as: UTF16.self)), responseType: .arraybuffer)
        #expect(harness.xhr.status == 200)
        guard case .arrayBuffer(let bytes) = harness.xhr.response else { Issue.record("expected bytes"); return }
        #expect(bytes == expected)
    }

    /// The stringification runs in the binding, before send()'s steps.
    @Test("send-data-unexpected-tostring.htm: abort(), open() or send() called while the body is converted")
    func reentrantConversion() throws {
        let aborts = WPTServer.harness()
        try aborts.xhr.open("POST", "resources/content.py")
        aborts.xhr.abort()  // the body's toString()
        try aborts.xhr.send("undefined")
        #expect(aborts.xhr.readyState == .opened)

        let opens = WPTServer.harness()
        try opens.xhr.open("POST", "resources/status.py?text=first_open_wins")
        try opens.xhr.open("POST", "resources/status.py?text=second_open_wins")  // the body's toString()
        try opens.xhr.send("undefined")
        opens.scheduler.runUntilIdle()
        #expect(opens.xhr.statusText == "second_open_wins")

        let sends = WPTServer.harness()
        try sends.xhr.open("POST", "resources/content.py")
        try sends.xhr.send("bomb!")  // the body's toString()
        #expect(thrownName { try sends.xhr.send("undefined") } == .invalidStateError)
        sends.scheduler.runUntilIdle()
        #expect(try sends.xhr.responseText == "bomb!")
        #expect(sends.transport.requests.count == 1)
    }

    @Test("send-entity-body-basic.htm: stringified bodies and URLSearchParams are sent as text",
          arguments: [(XHRRequestBody.string("1"), "1"), (.string("10000000"), "10000000"), (.string("2,2"), "2,2"), (.string("false"), "false"),
                      (.string("A\0A"), "A\0A"), (.urlSearchParams(URLSearchParams([("1", "2"), ("3", "4")])), "1=2&3=4")])
    func basicBodies(body: XHRRequestBody, output: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", "resources/content.py", async: false)
        try harness.xhr.send(body)
        #expect(try harness.xhr.responseText == output)
    }

    @Test("send-entity-body-empty.htm: send('') sends Content-Length 0 (none for HEAD) and fires no upload loadstart",
          arguments: ["POST", "PUT", "HEAD"])
    func emptyStringBody(method: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open(method, "resources/content.py", async: false)
        var uploadLoadstart = false
        harness.xhr.upload.onloadstart = { _ in uploadLoadstart = true }
        try harness.xhr.send("")
        #expect(!uploadLoadstart)
        #expect(harness.xhr.getResponseHeader("x-request-content-length") == (method == "HEAD" ? "NO" : "0"))
    }

    @Test("send-entity-body-get-head.htm: sync GET and HEAD drop the body", arguments: ["GET", "HEAD"])
    func syncGetHeadDropBody(method: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open(method, "resources/content.py", async: false)
        try harness.xhr.send("TEST")
        var events: [String] = []
        for type in ["progress", "loadend", "loadstart"] {
            harness.xhr.upload.addEventListener(type) { events.append($0.type) }
        }
        #expect(harness.xhr.getResponseHeader("x-request-content-length") == "NO")
        #expect(harness.xhr.getResponseHeader("x-request-method") == method)
        #expect(try harness.xhr.responseText == "")
        #expect(events == [])
    }

    @Test("send-entity-body-none.htm: send(null) sends Content-Length 0 for POST and PUT and no Content-Type unless the author set one",
          arguments: ["POST", "PUT", "HEAD"], [nil, "application/x-foo"])
    func nullBody(method: String, contentType: String?) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open(method, "resources/content.py", async: false)
        var uploadLoadstart = false
        harness.xhr.upload.onloadstart = { _ in uploadLoadstart = true }
        if let contentType { try harness.xhr.setRequestHeader("Content-Type", contentType) }
        try harness.xhr.send()
        #expect(!uploadLoadstart)
        #expect(harness.xhr.getResponseHeader("x-request-content-length") == (method == "HEAD" ? "NO" : "0"))
        #expect(harness.xhr.getResponseHeader("x-request-content-type") == contentType ?? "NO")
    }
}
