@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT groups 10 and 11: status, statusText, basic members and responseURL.
struct WPTStatusTests {
    @Test("status-async.htm: status and statusText are 0/'' before HEADERS_RECEIVED and the server's values after",
          arguments: ["GET", "HEAD", "CHICKEN"],
          [(204, "UNICORNSWIN", "", ""), (401, "OH HELLO", "Not today.", ""), (402, "FIVE BUCKS", "<x>402</x>", "text/xml"),
           (402, "FREE", "Nice!", "text/doesnotmatter"), (402, "402 TEH AWESOME", "", ""), (502, "YO", "", ""),
           (502, "lowercase", "SWEET POTATO", "text/plain"), (503, "HOUSTON WE HAVE A", "503", "text/plain"),
           (699, "WAY OUTTA RANGE", "699", "text/plain")])
    func statusAsync(method: String, response: (code: Int, text: String, content: String, type: String)) throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var seen: [String] = []
        xhr.onreadystatechange = { _ in
            var line = "\(xhr.readyState.rawValue) \(xhr.status) \(xhr.statusText)"
            if xhr.readyState.rawValue > 1 { line += " \(xhr.getResponseHeader("X-Request-Method") ?? "null")" }
            if xhr.readyState == .done, method != "HEAD" { line += " [\(try! xhr.responseText)]" }
            seen.append(line)
        }
        func encoded(_ text: String) -> String { URLSearchParams([("v", text)]).serialized.dropFirst(2).description }
        try xhr.open(method, "resources/status.py?code=\(response.code)&text=\(encoded(response.text))&content=\(encoded(response.content))&type=\(encoded(response.type))")
        try xhr.send()
        harness.scheduler.runUntilIdle()
        let after = "\(response.code) \(response.text) \(method)"
        #expect(seen.first == "1 0 ")
        #expect(seen.dropFirst().allSatisfy { $0.hasPrefix("\(2)") || $0.hasPrefix("3") || $0.hasPrefix("4") })
        #expect(seen.dropFirst().dropLast().allSatisfy { $0.dropFirst(2) == after })
        #expect(seen.last == "4 " + after + (method == "HEAD" ? "" : " [\(response.content)]"))
    }

    @Test("status-error.htm: 4xx, 5xx and 699 are responses, not errors: no error event and an empty response",
          arguments: [("GET", 200), ("GET", 400), ("GET", 401), ("GET", 404), ("GET", 410), ("GET", 500), ("GET", 699),
                      ("HEAD", 200), ("HEAD", 404), ("HEAD", 500), ("HEAD", 699), ("POST", 200), ("POST", 404), ("POST", 500),
                      ("POST", 699), ("PUT", 200), ("PUT", 404), ("PUT", 500), ("PUT", 699)])
    func statusError(method: String, code: Int) throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var checks: [Bool] = []
        try xhr.open(method, "resources/status.py?code=\(code)")
        xhr.onreadystatechange = { _ in checks.append(xhr.response.text == "" && xhr.status == code) }
        try xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(!checks.isEmpty && checks.allSatisfy { $0 })
        #expect(!harness.log.contains("error(0/0)"))
        #expect(xhr.readyState == .done)
    }

    @Test("XMLHttpRequest-withCredentials.any.js: settable in UNSENT and OPENED, InvalidStateError after send()")
    func withCredentials() throws {
        let first = WPTServer.harness()  // kept alive: its listeners hold it unowned
        let unsent = first.xhr
        #expect(!unsent.withCredentials)
        try unsent.setWithCredentials(true)
        #expect(unsent.withCredentials)

        for async in [true, false] {
            let opened = WPTServer.harness()
            try opened.xhr.open("GET", "resources/delay.py?ms=1000", async: async)
            try opened.xhr.setWithCredentials(true)
            #expect(opened.xhr.withCredentials)
        }

        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/delay.py?ms=1000")
        try harness.xhr.send()
        var names = [thrownName { try harness.xhr.setWithCredentials(true) }]
        harness.xhr.onreadystatechange = { _ in names.append(thrownName { try harness.xhr.setWithCredentials(true) }) }
        harness.scheduler.runUntilIdle()
        #expect(names.count == 4)
        #expect(names.allSatisfy { $0 == .invalidStateError })

        let sync = WPTServer.harness()
        try sync.xhr.open("GET", "resources/delay.py?ms=1000", async: false)
        try sync.xhr.send()
        #expect(thrownName { try sync.xhr.setWithCredentials(true) } == .invalidStateError)
    }

    @Test("send-send.any.js: a second send() throws InvalidStateError")
    func sendTwice() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/well-formed.xml")
        try harness.xhr.send()
        #expect(thrownName { try harness.xhr.send() } == .invalidStateError)
        harness.xhr.abort()
        #expect(harness.transport.players.count == 1)
    }

    @Test("responseurl.html: responseURL is '' before send(), the URL of a 404, and the final URL after a redirect")
    func responseURL() throws {
        let notFound = WPTServer.harness()
        #expect(notFound.xhr.responseURL == "")
        try notFound.xhr.open("GET", "foo.html", async: false)
        try notFound.xhr.send()
        #expect(notFound.xhr.status == 404)
        #expect(notFound.xhr.responseURL == WPTServer.base + "foo.html")

        let redirected = WPTServer.harness()
        #expect(redirected.xhr.responseURL == "")
        try redirected.xhr.open("GET", "resources/redirect.py?location=image.gif", async: false)
        try redirected.xhr.send()
        #expect(redirected.xhr.status == 200)
        #expect(redirected.xhr.responseURL == WPTServer.base + "resources/image.gif")
    }
}
