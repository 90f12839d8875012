@testable import XHR
import TapeCore
import Testing

/// WPT group 10 (the rest): status-basic, xmlhttprequest-basic and xmlhttprequest-unsent.
struct WPTBasicMemberTests {
    @Test("status-basic.htm: a sync request exposes the status code and custom reason phrase for any method",
          arguments: ["GET", "HEAD", "CHICKEN"],
          [(204, "UNICORNSWIN", "", ""), (401, "OH HELLO", "Not today.", ""), (402, "FIVE BUCKS", "<x>402</x>", "text/xml"),
           (402, "FREE", "Nice!", "text/doesnotmatter"), (402, "402 TEH AWESOME", "", ""), (502, "YO", "", ""),
           (502, "lowercase", "SWEET POTATO", "text/plain"), (503, "HOUSTON WE HAVE A", "503", "text/plain"),
           (699, "WAY OUTTA RANGE", "699", "text/plain")])
    func statusBasic(method: String, response: (code: Int, text: String, content: String, type: String)) throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        #expect(xhr.status == 0)
        let e = WPTOverrideMimeTypeTests.encoded
        try xhr.open(method, "resources/status.py?code=\(response.code)&text=\(e(response.text))&content=\(e(response.content))&type=\(e(response.type))", async: false)
        #expect(xhr.status == 0)
        try xhr.send()
        #expect(xhr.status == response.code)
        #expect(xhr.statusText == response.text)
        #expect(xhr.getResponseHeader("X-Request-Method") == method)
        if method != "HEAD" {
            #expect(try xhr.responseText == response.content)
        }
    }

    @Test("xmlhttprequest-basic.htm: the state constants are 0 to 4 in order")
    func stateConstants() {
        #expect([ReadyState.unsent, .opened, .headersReceived, .loading, .done].map(\.rawValue) == [0, 1, 2, 3, 4])
    }

    @Test("xmlhttprequest-unsent.htm: in UNSENT setRequestHeader() and send() throw and every member is empty")
    func unsentMembers() {
        let xhr = WPTServer.harness().xhr
        #expect(thrownName { try xhr.setRequestHeader("x-test", "test") } == .invalidStateError)
        #expect(thrownName { try xhr.send() } == .invalidStateError)
        #expect(xhr.status == 0)
        #expect(xhr.statusText == "")
        #expect(xhr.getAllResponseHeaders() == "")
        #expect(xhr.getResponseHeader("x-test") == nil)
        #expect((try? xhr.responseText) == "")
        #expect(xhr.readyState == .unsent)
    }
}
