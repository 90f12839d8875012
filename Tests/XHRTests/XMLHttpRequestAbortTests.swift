@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// abort() at every state, and re-entrant calls from listeners.
struct XMLHttpRequestAbortTests {
    static let url = "http://h.test/resource"
    private var script: [String: [Timeline.Entry]] { [Self.url: Script.trickle(Script.bytes(100), chunks: 4, gap: 100)] }

    @Test("abort-during-open.any.js / abort-after-send: abort() before the response fires abort and leaves UNSENT")
    func abortAfterSend() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.xhr.abort()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "abort(0/0)", "loadend(0/0)"])
        #expect(harness.xhr.readyState == .unsent)
        #expect(harness.xhr.status == 0)
        harness.scheduler.runUntilIdle()
        #expect(harness.log.count == 5, "nothing arrives after the abort")
    }

    @Test("abort-during-loading: abort() mid-body at a chosen byte")
    func abortMidBody() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.xhr.onprogress = { event in
            if (event as? ProgressEvent)?.loaded == 50 { harness.xhr.abort() }
        }
        harness.scheduler.runUntilIdle()
        #expect(harness.log.suffix(4) == ["progress(50/100)", "rsc4", "abort(0/0)", "loadend(0/0)"])
        #expect(harness.xhr.readyState == .unsent)
        #expect(try harness.xhr.responseText == "")
    }

    @Test("abort-after-receive: abort() after DONE resets to UNSENT without events")
    func abortAfterDone() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let before = harness.log
        harness.xhr.abort()
        #expect(harness.log == before)
        #expect(harness.xhr.readyState == .unsent)
        #expect(harness.xhr.status == 0)
    }

    @Test("abort-in-loadstart: the transport never starts and no timeout fires")
    func abortInLoadstart() throws {
        let harness = XHRHarness(script)
        harness.xhr.timeout = 10
        harness.xhr.onloadstart = { _ in harness.xhr.abort() }
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.transport.requests.isEmpty)
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "abort(0/0)", "loadend(0/0)"])
    }

    @Test("open-during-abort.any.js: open() inside the abort listener keeps OPENED")
    func openDuringAbort() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.xhr.onabort = { _ in try? harness.xhr.open("GET", Self.url) }
        harness.xhr.abort()
        #expect(harness.xhr.readyState == .opened)
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "abort(0/0)", "rsc1", "loadend(0/0)"])
    }

    @Test("send-send: send() twice throws InvalidStateError and the object stays usable")
    func sendTwiceThrows() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        #expect(throws: DOMException.self) { try harness.xhr.send() }
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.status == 200)
    }
}
