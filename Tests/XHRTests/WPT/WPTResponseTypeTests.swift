import Foundation
@testable import XHR
import TapeCore
import Testing

/// WPT group 06: responseType and the response getters by state. There is no DOM:
/// `responseXML` and `document` assertions are left out (`.document` gives null).
struct WPTResponseTypeTests {
    /// The IDL enumeration binding: a string that is not a `XMLHttpRequestResponseType`
    /// value is ignored (no exception, no change).
    static func setResponseType(_ xhr: XMLHttpRequest, _ value: String) throws(DOMException) {
        guard let type = XMLHttpRequest.ResponseType(rawValue: value) else { return }
        try xhr.setResponseType(type)
    }

    @Test("historical.html: moz-blob and moz-chunked-* responseType values are ignored",
          arguments: ["moz-blob", "moz-chunked-text", "moz-chunked-arraybuffer"])
    func historicalTypesAreIgnored(value: String) throws {
        let harness = WPTServer.harness()
        try Self.setResponseType(harness.xhr, value)
        #expect(harness.xhr.responseType == .empty)
    }

    @Test("json.any.js: JSON is parsed from UTF-8 bytes (BOM dropped, the last duplicate key wins); UTF-16 yields null")
    func jsonParser() throws {
        let harness = WPTServer.harness()
        try harness.xhr.setResponseType(.json)
        try harness.xhr.open("GET", "data:,\u{FEFF}{ \"b\": 1, \"a\": 2, \"b\": 3 }")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        guard case .json(let value) = harness.xhr.response, let object = value as? [String: Any] else {
            Issue.record("expected a JSON object, got \(harness.xhr.response)"); return
        }
        // Key order (["b", "a"]) is not observable through JSONSerialization's dictionary.
        #expect(Set(object.keys) == ["a", "b"])
        #expect(object["a"] as? Int == 2)
        #expect(object["b"] as? Int == 3)

        let utf16 = WPTServer.harness()
        try utf16.xhr.setResponseType(.json)
        try utf16.xhr.open("GET", "resources/utf16-bom.json")
        try utf16.xhr.send()
        utf16.scheduler.runUntilIdle()
        #expect(utf16.xhr.status == 200)
        #expect(utf16.xhr.response.isNull)
    }

    @Test("over-1-meg.any.js: a 1.16 MB text body is returned intact")
    func overOneMegabyte() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "./resources/over-1-meg.txt")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let text = try harness.xhr.responseText
        #expect(text.utf8.count == 1_160_000)
        #expect(text == String(repeating: "abcd", count: 290_000))
    }

    @Test("response-data-arraybuffer.htm: responseType arraybuffer returns the exact bytes, the same on every get")
    func arrayBufferResponse() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "./resources/content.py?content=Hello")
        try harness.xhr.setResponseType(.arraybuffer)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.status == 200)
        guard case .arrayBuffer(let bytes) = harness.xhr.response, case .arrayBuffer(let again) = harness.xhr.response else {
            Issue.record("expected an ArrayBuffer"); return
        }
        #expect(bytes == [0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(again == bytes)
    }

    @Test("response-data-blob.htm: responseType blob returns a Blob holding the body")
    func blobResponse() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "./resources/content.py?content=Hello")
        try harness.xhr.setResponseType(.blob)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        guard case .blob(let blob) = harness.xhr.response, case .blob(let again) = harness.xhr.response else {
            Issue.record("expected a Blob"); return
        }
        #expect(blob.bytes == Array("Hello".utf8))
        #expect(blob == again)
        #expect(blob.type == "text/plain")
    }

    @Test("response-invalid-responsetype.htm: invalid responseType strings (case-sensitive) are ignored and the response is text",
          arguments: ["arrayBuffer", "JSON", "glob", "txt", "text/html"])
    func invalidResponseTypeIsIgnored(value: String) throws {
        let harness = WPTServer.harness()
        try Self.setResponseType(harness.xhr, value)
        #expect(harness.xhr.responseType == .empty)
        try harness.xhr.open("GET", "resources/folder.txt")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.responseType == .empty)
        #expect(harness.xhr.response.text == "bottom\n")
    }

    @Test("response-json.htm: responseType json: empty or malformed bodies give null; objects and Japanese text round-trip",
          arguments: ["", "{\"test\":\"foo\"", "{\"alpha\":\"a-z\",\"integer\":15003,\"negated\":-20,\"b1\":true,\"b2\":false,\"myAr\":[\"a\",\"b\",\"c\",1,2,3]}",
                      "{\"日本語\":\"にほんご\"}"])
    func jsonResponse(body: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", "resources/content.py")
        try harness.xhr.setResponseType(.json)
        try harness.xhr.send(body)
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.status == 200)
        #expect(harness.xhr.responseType == .json)
        let expected = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
        switch harness.xhr.response {
        case .json(let value):
            #expect(expected != nil && (value as? NSDictionary) == expected)
        case .null:
            #expect(expected == nil)
        default:
            Issue.record("unexpected response \(harness.xhr.response)")
        }
    }

    @Test("response-method.htm: HEAD gives an empty responseText; GET and POST echo the method", arguments: ["GET", "HEAD", "POST"])
    func responseMethod(method: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open(method, "resources/echo-method.py", async: false)
        try harness.xhr.send()
        #expect(try harness.xhr.responseText == (method == "HEAD" ? "" : method))
    }

    @Test("responseText-status.html: responseText is '' in UNSENT, OPENED and HEADERS_RECEIVED")
    func responseTextBeforeLoading() throws {
        let harness = WPTServer.harness()
        var texts: [ReadyState: String] = [.unsent: try harness.xhr.responseText]
        harness.xhr.onreadystatechange = { _ in
            if texts[harness.xhr.readyState] == nil { texts[harness.xhr.readyState] = try? harness.xhr.responseText }
        }
        try harness.xhr.open("GET", "resources/headers.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(texts[.unsent] == "")
        #expect(texts[.opened] == "")
        #expect(texts[.headersReceived] == "")
        #expect(texts[.loading] == "TEST")
    }

    @Test("responsetype.any.js: settable in UNSENT, OPENED and HEADERS_RECEIVED; InvalidStateError in LOADING and DONE; unknown values ignored",
          arguments: ["", "json", "document", "arraybuffer", "blob", "text", "nosuchtype"])
    func responseTypeByState(value: String) throws {
        let expected = XMLHttpRequest.ResponseType(rawValue: value) ?? .empty
        let ignored = XMLHttpRequest.ResponseType(rawValue: value) == nil
        let first = WPTServer.harness()
        #expect(first.xhr.responseType == .empty)
        try Self.setResponseType(first.xhr, value)
        #expect(first.xhr.responseType == expected)

        let opened = WPTServer.harness()
        try opened.xhr.open("get", "/")
        try Self.setResponseType(opened.xhr, value)
        #expect(opened.xhr.responseType == expected)

        let async = WPTServer.harness()
        var atHeaders: XMLHttpRequest.ResponseType?
        var loading: [DOMException.Name?] = []
        var done: (DOMException.Name?, String, String)?
        async.xhr.onreadystatechange = { _ in
            let xhr = async.xhr
            switch xhr.readyState {
            case .headersReceived:
                try? Self.setResponseType(xhr, value)
                atHeaders = xhr.responseType
                try? xhr.setResponseType(.empty)  // so LOADING and DONE see ""
            case .loading:
                loading.append(thrownName { try Self.setResponseType(xhr, value) })
            case .done:
                let text = (try? xhr.responseText) ?? "?"
                done = (thrownName { try Self.setResponseType(xhr, value) }, xhr.responseType.rawValue, text)
            default: break
            }
        }
        try async.xhr.open("get", "/")
        try async.xhr.send()
        async.scheduler.runUntilIdle()
        #expect(atHeaders == expected)
        #expect(!loading.isEmpty && loading.allSatisfy { $0 == (ignored ? nil : .invalidStateError) })
        #expect(done?.0 == (ignored ? nil : .invalidStateError))
        #expect(done?.1 == "")
        #expect(done?.2 == "Not Found")

        // Sync, OPENED: the InvalidAccessError rule is Window-only; this host is not a Window.
        let syncOpened = WPTServer.harness()
        try syncOpened.xhr.open("get", "/", async: false)
        try Self.setResponseType(syncOpened.xhr, value)
        #expect(syncOpened.xhr.responseType == expected)

        let syncDone = WPTServer.harness()
        try syncDone.xhr.open("get", "/", async: false)
        try syncDone.xhr.send()
        #expect(syncDone.xhr.readyState == .done)
        #expect(thrownName { try Self.setResponseType(syncDone.xhr, value) } == (ignored ? nil : .invalidStateError))
        #expect(syncDone.xhr.responseType == .empty)
    }

    @Test("responsexml-non-document-types.htm: responseText throws InvalidStateError unless responseType is '' or text",
          arguments: [XMLHttpRequest.ResponseType.arraybuffer, .blob, .json, .text, .document])
    func responseTextThrowsForOtherTypes(type: XMLHttpRequest.ResponseType) throws {
        let harness = WPTServer.harness()
        try harness.xhr.setResponseType(type)
        try harness.xhr.open("GET", "resources/well-formed.xml")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.readyState == .done)
        #expect(thrownName { _ = try harness.xhr.responseText } == (type == .text ? nil : .invalidStateError))
    }
}
