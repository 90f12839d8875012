@testable import XHR
import TapeCore
import Testing

/// Event order on scripted timelines (spec profile). Suites named after the
/// web-platform-tests file whose assertions they port.
struct XMLHttpRequestEventOrderTests {
    static let url = "http://h.test/resource"

    @Test("send-response-event-order.htm: a POST with upload listeners")
    func sendResponseEventOrder() throws {
        let body = Script.bytes(12)
        let harness = XHRHarness([Self.url: [
            Script.at(1, .requestBodySent(byteCount: 12)), Script.at(2, .requestEnd),
        ] + Script.trickle(body, chunks: 1, gap: 5)])
        harness.listenToUpload()
        try harness.xhr.open("POST", Self.url)
        try harness.xhr.send("Test Message")
        harness.scheduler.runUntilIdle()
        #expect(harness.log == [
            "rsc1", "loadstart(0/0)", "upload.loadstart(0/12)", "upload.progress(12/12)",
            "upload.progress(12/12)", "upload.load(12/12)", "upload.loadend(12/12)",
            "rsc2", "rsc3", "progress(12/12)", "progress(12/12)", "rsc4", "load(12/12)", "loadend(12/12)",
        ])
    }

    @Test("send-no-response-event-order.htm: an empty body never enters LOADING")
    func sendNoResponseEventOrder() throws {
        let harness = XHRHarness([Self.url: [Script.at(5, Script.head(200, "OK", [("Content-Length", "0")])), Script.at(5, Script.end)]])
        try harness.xhr.open("POST", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        // The spec's second progress (0/0) at end of body: Chromium omits it (whatwg/xhr#318).
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc2", "progress(0/0)", "rsc4", "load(0/0)", "loadend(0/0)"])
        #expect(try harness.xhr.responseText == "")
    }

    @Test("event-readystate-sync-open.any.js: open() fires exactly one readystatechange")
    func openFiresOneReadyStateChange() throws {
        let harness = XHRHarness([:])
        try harness.xhr.open("GET", Self.url)
        #expect(harness.log == ["rsc1"])
        try harness.xhr.open("GET", Self.url, async: false)
        #expect(harness.log == ["rsc1"])
    }

    @Test func eventsFireAtTheTimelinesVirtualTimes() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(300), chunks: 3, gap: 100, headAt: 40)])
        harness.scheduler.advance(byMicros: 1_000)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log == [
            "rsc1", "loadstart(0/0)", "rsc2",
            "rsc3", "progress(100/300)", "rsc3", "progress(200/300)", "rsc3", "progress(300/300)",
            "progress(300/300)", "rsc4", "load(300/300)", "loadend(300/300)",
        ])
        #expect(harness.times == [1_000, 1_000, 41_000, 141_000, 141_000, 241_000, 241_000, 341_000, 341_000, 341_000, 341_000, 341_000, 341_000])
    }

    @Test func progressEventsAreThrottledTo50MillisecondsOfVirtualTime() throws {
        // 20 chunks 10 ms apart: progress at 0, 50, 100, 150 ms after the first chunk, then the final one.
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(200), chunks: 20, gap: 10, contentLength: false)])
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let progress = harness.log.filter { $0.hasPrefix("progress") }
        #expect(progress == ["progress(10/0)", "progress(60/0)", "progress(110/0)", "progress(160/0)", "progress(200/0)"])
    }

    @Test("xmlhttprequest-eventtarget.htm: handlers and listeners run in registration order")
    func listenersRunInRegistrationOrder() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(3), chunks: 1, gap: 1)])
        var order: [String] = []
        harness.xhr.onload = { _ in order.append("onload-1") }
        harness.xhr.addEventListener("load") { _ in order.append("listener") }
        harness.xhr.onload = { _ in order.append("onload-2") }  // keeps its first place
        let removed = harness.xhr.addEventListener("load") { _ in order.append("removed") }
        harness.xhr.removeEventListener("load", removed)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(order == ["onload-2", "listener"])
    }

    @Test("event-loadstart.any.js: loadstart fires while OPENED")
    func loadstartFiresWhileOpened() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(3), chunks: 1, gap: 1)])
        var state: ReadyState?
        harness.xhr.onloadstart = { _ in state = harness.xhr.readyState }
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        #expect(state == .opened)
    }

    @Test("event-load.any.js and event-loadend.any.js: load and loadend fire at DONE")
    func loadAndLoadendFireAtDone() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(3), chunks: 1, gap: 1)])
        var states: [ReadyState] = []
        harness.xhr.onload = { _ in states.append(harness.xhr.readyState) }
        harness.xhr.onloadend = { _ in states.append(harness.xhr.readyState) }
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(states == [.done, .done])
        #expect(harness.xhr.status == 200)
    }
}
