@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT group 12: redirects.
struct WPTRedirectTests {
    @Test("send-redirect-bogus-sync.htm: a sync redirect to a bogus Location throws NetworkError",
          arguments: [("301", "foobar://abcd"), ("302", "http://z."), ("302", "mailto:someone@example.org"), ("303", "http://z."),
                      ("303", "tel:1234567890")])
    func bogusSync(code: String, location: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/redirect.py?location=\(location)&code=\(code)", async: false)
        #expect(thrownName { try harness.xhr.send() } == .networkError)
    }

    @Test("send-redirect-bogus.htm: a redirect to an unresolvable host or a non-HTTP scheme is a network error (status 0)",
          arguments: [("302", "http://example.not"), ("302", "mailto:someone@example.org"), ("303", "http://example.not"),
                      ("303", "foobar:someone@example.org")])
    func bogusAsync(code: String, location: String) throws {
        let harness = WPTServer.harness()
        var atDone: (Int, String)?
        harness.xhr.onreadystatechange = { _ in
            if harness.xhr.readyState == .done { atDone = (harness.xhr.status, harness.xhr.statusText) }
        }
        try harness.xhr.open("GET", "resources/redirect.py?location=\(location)&code=\(code)")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(atDone?.0 == 0)
        #expect(atDone?.1 == "")
        #expect(harness.log.suffix(2) == ["error(0/0)", "loadend(0/0)"])
    }

    @Test("send-redirect-infinite-sync.htm: a sync redirect loop throws NetworkError")
    func infiniteSync() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/infinite-redirects.py?type=301", async: false)
        #expect(thrownName { try harness.xhr.send() } == .networkError)
        #expect(harness.transport.requests.count == FetchController.redirectLimit + 1)
    }

    @Test("send-redirect-infinite.htm: an async redirect loop fires error, then loadend at DONE with an empty responseText")
    func infiniteAsync() throws {
        let harness = WPTServer.harness()
        var errorFired = false
        var atLoadend: (String, ReadyState)?
        harness.xhr.onerror = { _ in errorFired = true }
        harness.xhr.onloadend = { _ in atLoadend = ((try? harness.xhr.responseText) ?? "?", harness.xhr.readyState) }
        try harness.xhr.open("GET", "resources/infinite-redirects.py?type=301")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(errorFired)
        #expect(atLoadend?.0 == "")
        #expect(atLoadend?.1 == .done)
    }

    @Test("send-redirect-no-location.htm: a 3xx without Location is the response", arguments: [301, 302, 303, 307])
    func noLocation(code: Int) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/status.py?content=<x>x</x>&type=text/xml&text=ABE%20ODDYSSEE&code=\(code)")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.readyState == .done)
        #expect(harness.xhr.status == code)
        #expect(harness.xhr.statusText == "ABE ODDYSSEE")
        #expect(try harness.xhr.responseText == "<x>x</x>")
    }

    @Test("send-redirect-post-upload.htm: POST 301/302/303 becomes a bodiless GET, 307 resends the body; upload events come first",
          arguments: [(301, false), (302, false), (303, false), (307, false), (307, true)])
    func redirectPost(code: Int, blob: Bool) throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var actual: [String] = []
        var uploadProgressAtOpened = false
        var sawRedirectStatus = false
        xhr.upload.onloadstart = { _ in actual.append("upload loadstart \(xhr.readyState.rawValue)") }
        xhr.upload.onprogress = { _ in
            if xhr.readyState.rawValue >= 2, xhr.status != 200 { sawRedirectStatus = true }
            uploadProgressAtOpened = xhr.readyState == .opened
        }
        xhr.upload.onloadend = { _ in actual.append("upload loadend \(xhr.readyState.rawValue)") }
        xhr.onloadstart = { _ in actual.append("xhr loadstart \(xhr.readyState.rawValue)") }
        xhr.onreadystatechange = { _ in
            if xhr.readyState.rawValue >= 2, xhr.status != 200 { sawRedirectStatus = true }
            if xhr.readyState == .loading, actual.last == "xhr onreadystatechange 3" { return }
            actual.append("xhr onreadystatechange \(xhr.readyState.rawValue)")
        }
        xhr.onload = { _ in actual.append("xhr load \(xhr.readyState.rawValue)") }
        xhr.onloadend = { _ in actual.append("xhr loadend \(xhr.readyState.rawValue)") }
        let body = String(repeating: "Test Message", count: 1000)
        try xhr.open("POST", "./resources/redirect.py?location=content.py&code=\(code)")
        try xhr.send(blob ? .blob(Blob(text: body)) : .string(body))
        harness.scheduler.runUntilIdle()

        let resend = code == 307
        let expectedHeaders: [String: String] = resend
            ? ["X-Request-Content-Length": "12000", "X-Request-Content-Type": blob ? "NO" : "text/plain;charset=UTF-8",
               "X-Request-Method": "POST", "X-Request-Query": "NO", "Content-Length": "12000"]
            : ["X-Request-Content-Length": "NO", "X-Request-Content-Type": "NO", "X-Request-Method": "GET", "X-Request-Query": "NO"]
        for (name, value) in expectedHeaders {
            #expect(xhr.getResponseHeader(name) == value, "\(name)")
        }
        #expect(actual == ["xhr onreadystatechange 1", "xhr loadstart 1", "upload loadstart 1", "upload loadend 1", "xhr onreadystatechange 2"]
                + (resend ? ["xhr onreadystatechange 3"] : []) + ["xhr onreadystatechange 4", "xhr load 4", "xhr loadend 4"])
        #expect(uploadProgressAtOpened)
        #expect(!sawRedirectStatus)
        if resend { #expect(xhr.response.text == body) }
    }

    @Test("send-redirect.htm: 301/302/303/307 keep GET and the author Content-Type", arguments: [301, 302, 303, 307])
    func redirectGet(code: Int) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/redirect.py?location=content.py&code=\(code)")
        try harness.xhr.setRequestHeader("Content-Type", "application/x-pony")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.getResponseHeader("x-request-method") == "GET")
        #expect(harness.xhr.getResponseHeader("x-request-content-type") == "application/x-pony")
    }
}
