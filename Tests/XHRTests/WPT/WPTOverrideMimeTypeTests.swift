import Foundation
@testable import XHR
import TapeCore
import Testing

/// WPT group 07: overrideMimeType() and charset decoding. responseXML assertions are
/// left out (no DOM).
struct WPTOverrideMimeTypeTests {
    /// WPT's `encodeURIComponent`.
    static func encoded(_ text: String) -> String {
        URLPercentEncodeSet.userinfo.encode(text).replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "&", with: "%26")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    static func load(_ url: String, override: String? = nil, overrideBeforeOpen: Bool = false, type: XMLHttpRequest.ResponseType = .empty) throws -> XHRHarness {
        let harness = WPTServer.harness()
        if overrideBeforeOpen, let override { try harness.xhr.overrideMimeType(override) }
        try harness.xhr.open("GET", url)
        try harness.xhr.setResponseType(type)
        if !overrideBeforeOpen, let override { try harness.xhr.overrideMimeType(override) }
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        return harness
    }

    @Test("overridemimetype-blob.html: the blob type is text/xml without Content-Type, else the parsed and serialized override",
          arguments: [(nil, "text/xml"), ("text/html;charset=gbk", "text/html;charset=gbk"), ("TEXT/HTML;CHARSET=GBK", "text/html;charset=GBK"),
                      ("text/html;charset=\"gbk\"", "text/html;charset=gbk"), ("text/html ; charset=gbk", "text/html;charset=gbk"),
                      ("bogus", "application/octet-stream"), ("text/html;x=(;charset=gbk", "text/html;x=\"(\";charset=gbk"),
                      ("x/x;test", "x/x"), ("", "application/octet-stream")] as [(String?, String)])
    func blobType(override: String?, expected: String) throws {
        let harness = try Self.load("resources/status.py", override: override, type: .blob)
        #expect(harness.xhr.getResponseHeader("Content-Type") == "")
        guard case .blob(let blob) = harness.xhr.response else { Issue.record("expected a Blob"); return }
        #expect(blob.type == expected)

        if override == nil {
            let withBody = try Self.load("resources/status.py?content=thisshouldnotmakeadifferencebutdoes", type: .blob)
            guard case .blob(let second) = withBody.xhr.response else { Issue.record("expected a Blob"); return }
            #expect(second.type == "text/xml")
        }
    }

    static let shiftJISURL = "resources/status.py?type=" + encoded("text/plain;charset=iso-8859-1") + "&content=%3Cmsg%3E%83%65%83%58%83%67%3C%2Fmsg%3E"

    @Test("overridemimetype-done-state.any.js: overrideMimeType() in DONE throws InvalidStateError and leaves responseText unchanged")
    func overrideInDone() throws {
        let harness = WPTServer.harness()
        var outcome: (String, DOMException.Name?, String)?
        harness.xhr.onreadystatechange = { _ in
            guard harness.xhr.readyState == .done else { return }
            let text = (try? harness.xhr.responseText) ?? ""
            let name = thrownName { try harness.xhr.overrideMimeType("application/xml;charset=Shift-JIS") }
            outcome = (text, name, (try? harness.xhr.responseText) ?? "")
        }
        try harness.xhr.open("GET", Self.shiftJISURL)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(outcome?.0 == "<msg>ƒeƒXƒg</msg>")  // iso-8859-1 is windows-1252: 0x83 is ƒ
        #expect(outcome?.1 == .invalidStateError)
        #expect(outcome?.2 == outcome?.0)
    }

    static let windows1252URL = "resources/status.py?type=" + encoded("text/plain;charset=windows-1252") + "&content=%C2%F0"

    @Test("overridemimetype-edge-cases.window.js: the override survives open(); only an override with a charset changes the encoding; a bogus label falls back to UTF-8")
    func edgeCases() throws {
        let beforeOpen = try Self.load(Self.windows1252URL, override: "text/plain;charset=UTF-8", overrideBeforeOpen: true)
        #expect(try beforeOpen.xhr.responseText == "\u{FFFD}\u{FFFD}")

        let reused = try Self.load(Self.windows1252URL, override: "text/plain;charset=UTF-8")
        #expect(try reused.xhr.responseText == "\u{FFFD}\u{FFFD}")
        try reused.xhr.open("GET", Self.windows1252URL)
        try reused.xhr.send()
        reused.scheduler.runUntilIdle()
        #expect(try reused.xhr.responseText == "\u{FFFD}\u{FFFD}")

        let noCharset = try Self.load(Self.windows1252URL, override: "text/xml")
        #expect(try noCharset.xhr.responseText == "Âð")

        let bogus = try Self.load(Self.windows1252URL, override: "text/plain;charset=342")
        #expect(try bogus.xhr.responseText == "\u{FFFD}\u{FFFD}")
    }

    @Test("overridemimetype-headers-received-state-force-shiftjis.htm: overrideMimeType() in HEADERS_RECEIVED is allowed and changes decoding")
    func overrideInHeadersReceived() throws {
        let harness = WPTServer.harness()
        var thrown: DOMException.Name?? = .none
        harness.xhr.onreadystatechange = { _ in
            if harness.xhr.readyState == .headersReceived {
                thrown = thrownName { try harness.xhr.overrideMimeType("text/plain;charset=Shift-JIS") }
            }
        }
        try harness.xhr.open("GET", "resources/status.py?type=" + Self.encoded("text/html;charset=UTF-8") + "&content=%83%65%83%58%83%67")
        try harness.xhr.send("")
        harness.scheduler.runUntilIdle()
        #expect(thrown == .some(nil))
        #expect(try harness.xhr.responseText == "テスト")
    }

    @Test("overridemimetype-invalid-mime-type.htm: a bogus override does not change the encoding (it becomes application/octet-stream)",
          arguments: ["bogus", "bogus;charset=Shift_JIS"])
    func bogusOverride(override: String) throws {
        let harness = try Self.load("resources/status.py?type=" + Self.encoded("text/html;charset=windows-1252") + "&content=%FF", override: override)
        #expect(try harness.xhr.responseText == "ÿ")
        #expect(harness.xhr.getResponseHeader("Content-Type") == "text/html;charset=windows-1252")
        #expect(harness.xhr.finalMIMEType.serialized == "application/octet-stream")
    }

    @Test("overridemimetype-loading-state.htm: overrideMimeType() in LOADING throws InvalidStateError")
    func overrideInLoading() throws {
        let harness = WPTServer.harness()
        var thrown: [DOMException.Name?] = []
        harness.xhr.onreadystatechange = { _ in
            if harness.xhr.readyState == .loading {
                thrown.append(thrownName { try harness.xhr.overrideMimeType("application/xml;charset=Shift-JIS") })
            }
        }
        try harness.xhr.open("GET", Self.shiftJISURL)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(!thrown.isEmpty && thrown.allSatisfy { $0 == .invalidStateError })
        #expect(harness.xhr.readyState == .done)
        #expect(harness.xhr.finalMIMEType.essence == "text/plain")
    }

    @Test("overridemimetype-open-state-force-utf-8.htm: overrideMimeType() in OPENED forces UTF-8 over a Shift_JIS header")
    func overrideInOpenedForcesUTF8() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/status.py?type=" + Self.encoded("text/html;charset=Shift-JIS") + "&content=" + Self.encoded("テスト"))
        try harness.xhr.overrideMimeType("text/plain;charset=UTF-8")
        try harness.xhr.send("")
        harness.scheduler.runUntilIdle()
        #expect(try harness.xhr.responseText == "テスト")
    }

    @Test("overridemimetype-unsent-state-force-shiftjis.any.js: overrideMimeType() before open() forces Shift_JIS decoding")
    func overrideInUnsent() throws {
        let harness = try Self.load("resources/status.py?type=" + Self.encoded("text/html;charset=iso-8859-1") + "&content=%83%65%83%58%83%67",
                                    override: "text/plain;charset=Shift-JIS", overrideBeforeOpen: true)
        #expect(try harness.xhr.responseText == "テスト")
    }
}
