@testable import XHR
import TapeCore
import Testing

/// WPT group 14a: synchronous requests.
struct WPTSyncTests {
    @Test("open-open-sync-send.htm: open() async then open() sync fires readystatechange 1 once, then 4")
    func openOpenSyncSend() throws {
        let harness = WPTServer.harness()
        var states: [Int] = []
        harness.xhr.onreadystatechange = { _ in states.append(harness.xhr.readyState.rawValue) }
        try harness.xhr.open("GET", "folder.txt")
        try harness.xhr.open("GET", "folder.txt", async: false)
        try harness.xhr.send()
        #expect(try harness.xhr.responseText == "top\n")
        #expect(states == [1, 4])
    }

    @Test("open-sync-open-send.htm: a sync open() after an async send() terminates the fetch silently and empties every member")
    func syncOpenAfterAsyncSend() throws {
        let harness = WPTServer.harness()
        var states: [Int] = []
        harness.xhr.onreadystatechange = { _ in states.append(harness.xhr.readyState.rawValue) }
        try harness.xhr.open("GET", "folder.txt")
        try harness.xhr.send()
        try harness.xhr.open("GET", "folder.txt", async: false)
        #expect(states == [1])
        #expect(try harness.xhr.responseText == "")
        #expect(harness.xhr.status == 0)
        #expect(harness.xhr.statusText == "")
        #expect(harness.xhr.getAllResponseHeaders() == "")
        harness.scheduler.runUntilIdle()
        #expect(states == [1])
        #expect(harness.log == ["rsc1", "loadstart(0/0)"])
    }

    @Test("send-sync-no-response-event-load.htm: a sync request fires load, a ProgressEvent, and the response is ''")
    func syncLoad() throws {
        let harness = WPTServer.harness()
        var load: Event?
        harness.xhr.onload = { load = $0 }
        try harness.xhr.open("POST", "./resources/content.py", async: false)
        try harness.xhr.send()
        #expect(harness.xhr.response.text == "")
        #expect(load is ProgressEvent)
        #expect(load?.type == "load")
    }

    @Test("send-sync-no-response-event-loadend.htm: a sync request fires loadend, a ProgressEvent, and the response is ''")
    func syncLoadend() throws {
        let harness = WPTServer.harness()
        var loadend: Event?
        harness.xhr.onloadend = { loadend = $0 }
        try harness.xhr.open("POST", "./resources/content.py", async: false)
        try harness.xhr.send()
        #expect(harness.xhr.response.text == "")
        #expect(loadend is ProgressEvent)
        #expect(loadend?.type == "loadend")
    }
}
