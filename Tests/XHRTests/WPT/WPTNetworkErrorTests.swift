@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT group 16: network errors and data: URLs.
struct WPTNetworkErrorTests {
    @Test("data-uri.htm: data: URLs answer any method with 200, the URL's Content-Type and no Content-Length",
          arguments: [
              ("GET", "data:text/plain,Hello, World!", "text/plain"),
              ("GET", "data:text/plain;base64,SGVsbG8sIFdvcmxkIQ==", "text/plain"),
              ("GET", "data:text/html,Hello, World!", "text/html"),
              ("GET", "data:text/html;charset=UTF-8,Hello, World!", "text/html;charset=UTF-8"),
              ("GET", "data:image/png,Hello, World!", "image/png"),
              ("POST", "data:text/plain,Hello, World!", "text/plain"),
              ("PUT", "data:text/plain,Hello, World!", "text/plain"),
              ("DELETE", "data:text/plain,Hello, World!", "text/plain"),
              ("HEAD", "data:text/plain,Hello, World!", "text/plain"),
              ("UNICORN", "data:text/plain,Hello, World!", "text/plain"),
          ])
    func dataURLs(method: String, url: String, mimeType: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open(method, url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.readyState == .done)
        #expect(try harness.xhr.responseText == (method == "HEAD" ? "" : "Hello, World!"))
        #expect(harness.xhr.status == 200)
        #expect(harness.xhr.getResponseHeader("Content-Type") == mimeType)
        let all = harness.xhr.getAllResponseHeaders().lowercased()
        #expect(all.contains("content-type:"))
        #expect(!all.contains("content-length:"))
        #expect(harness.transport.requests.isEmpty, "data: URLs never reach the transport")
    }

    @Test("event-error-order.sub.html: an unresolvable host with an upload fires the upload error events first")
    func errorEventOrder() throws {
        let harness = WPTServer.harness()
        harness.listenToUpload()
        try harness.xhr.open("POST", "http://nonexistent.web-platform.test:8000")
        try harness.xhr.send("Test Message")
        harness.scheduler.runUntilIdle()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "upload.loadstart(0/12)", "rsc4",
                                "upload.error(0/0)", "upload.loadend(0/0)", "error(0/0)", "loadend(0/0)"])
    }

    @Test("event-error.sub.any.js: an unresolvable host fires error; a body that breaks mid-stream fires error with zeros, never load")
    func errorEvents() throws {
        let unresolvable = WPTServer.harness()
        var error: Event?
        unresolvable.xhr.onerror = { error = $0 }
        try unresolvable.xhr.open("GET", "http://nonexistent.web-platform.test:8000")
        try unresolvable.xhr.send("null")
        unresolvable.scheduler.runUntilIdle()
        #expect((error as? ProgressEvent)?.type == "error")

        let broken = WPTServer.harness()
        try broken.xhr.open("GET", "resources/bad-chunk-encoding.py")
        try broken.xhr.send()
        broken.scheduler.runUntilIdle()
        #expect(!broken.log.contains { $0.hasPrefix("load(") })
        #expect(broken.log.suffix(2) == ["error(0/0)", "loadend(0/0)"])
    }

    @Test("response-body-errors.any.js: a body error throws NetworkError (sync) or clears the partial text (async)")
    func responseBodyErrors() throws {
        let url = "/fetch/api/resources/bad-chunk-encoding.py?ms=1&count=2"
        let sync = WPTServer.harness()
        try sync.xhr.open("GET", url, async: false)
        #expect { try sync.xhr.send() } throws: { ($0 as? DOMException)?.name == .networkError }

        let async = WPTServer.harness()
        var partial: [String] = []
        var textAtError: String?
        async.xhr.onreadystatechange = { _ in
            if async.xhr.readyState == .loading { partial.append(try! async.xhr.responseText) }
        }
        async.xhr.onerror = { _ in textAtError = try? async.xhr.responseText }
        try async.xhr.open("GET", url)
        try async.xhr.send()
        async.scheduler.runUntilIdle()
        #expect(partial.first?.contains("TEST_CHUNK") == true)
        #expect(textAtError == "")
        #expect(!async.log.contains { $0.hasPrefix("load(") })
    }

    @Test("send-network-error-sync-events.sub.htm: a sync network error (http or bad data: URL) throws NetworkError at DONE")
    func syncNetworkErrors() throws {
        let http = WPTServer.harness()
        try http.xhr.open("POST", "http://nonexistent.web-platform.test:8000", async: false)
        #expect { try http.xhr.send("Test Message") } throws: { ($0 as? DOMException)?.name == .networkError }
        #expect(http.xhr.readyState == .done)

        let data = WPTServer.harness()
        try data.xhr.open("GET", "data:text/html;charset=utf-8;base64,PT0NUWVBFIGh0bWw%2BDQo8", async: false)
        #expect { try data.xhr.send("Test Message") } throws: { ($0 as? DOMException)?.name == .networkError }
        #expect(data.xhr.readyState == .done)
    }

    @Test("xmlhttprequest-network-error-sync.htm: a sync redirect loop throws NetworkError and leaves every member empty")
    func syncNetworkErrorResetsMembers() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/infinite-redirects.py", async: false)
        #expect { try harness.xhr.send() } throws: { ($0 as? DOMException)?.name == .networkError }
        #expect(harness.xhr.status == 0)
        #expect(harness.xhr.statusText == "")
        #expect(harness.xhr.getAllResponseHeaders() == "")
        #expect(harness.xhr.getResponseHeader("content-type") == nil)
        #expect(try harness.xhr.responseText == "")
        #expect(harness.xhr.readyState == .done)
    }

    @Test("xmlhttprequest-network-error.htm: an async redirect loop shows empty members at every readystatechange")
    func asyncNetworkErrorResetsMembers() throws {
        let harness = WPTServer.harness()
        var snapshots: [String] = []
        harness.xhr.onreadystatechange = { _ in
            let xhr = harness.xhr
            snapshots.append("\(xhr.readyState.rawValue) \(xhr.status) '\(xhr.statusText)' '\(xhr.getAllResponseHeaders())' \(xhr.getResponseHeader("content-type") ?? "null") '\((try? xhr.responseText) ?? "?")'")
        }
        try harness.xhr.open("GET", "resources/infinite-redirects.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(snapshots == ["1 0 '' '' null ''", "4 0 '' '' null ''"])
        #expect(harness.log.suffix(2) == ["error(0/0)", "loadend(0/0)"])
    }
}
