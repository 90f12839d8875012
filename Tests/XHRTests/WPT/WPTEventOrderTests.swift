@testable import XHR
import TapeCore
import Testing

/// WPT group 01: the event order and lifecycle of a request.
struct WPTEventOrderTests {
    @Test("event-loadend.any.js: loadend is a ProgressEvent fired after readystatechange(4)")
    func loadendIsAProgressEvent() throws {
        let harness = WPTServer.harness()
        var loadend: Event?
        harness.xhr.onloadend = { loadend = $0 }
        try harness.xhr.open("GET", "resources/well-formed.xml")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let event = try #require(loadend as? ProgressEvent)
        #expect(event.type == "loadend")
        #expect(harness.log.suffix(3) == ["rsc4", "load(127/127)", "loadend(127/127)"])
    }

    @Test("loadstart-and-state.html (open() during loadstart): members throw InvalidStateError; open() and send() restart")
    func openDuringLoadstart() throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var thrown: [DOMException.Name?] = []
        xhr.onloadstart = { _ in
            thrown.append(thrownName { try xhr.setRequestHeader("General", "Organa") })
            thrown.append(thrownName { try xhr.setWithCredentials(true) })
            thrown.append(thrownName { try xhr.send() })
            xhr.onloadstart = nil
            try! xhr.open("GET", "data:,BB-8")
            try! xhr.send()
        }
        var text: String?
        xhr.onload = { _ in text = try? xhr.responseText }
        try xhr.open("GET", "data:,R2-D2")
        try xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(thrown == [.invalidStateError, .invalidStateError, .invalidStateError])
        #expect(text == "BB-8")
    }

    @Test("loadstart-and-state.html (abort() during loadstart): abort fires at DONE, then UNSENT")
    func abortDuringLoadstart() throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var abortState: ReadyState?
        var afterAbort: ReadyState?
        xhr.onloadstart = { _ in
            #expect(xhr.readyState == .opened)
            xhr.abort()
            afterAbort = xhr.readyState
        }
        xhr.onabort = { _ in abortState = xhr.readyState }
        try xhr.open("GET", "data:,K-2SO")
        try xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(abortState == .done)
        #expect(afterAbort == .unsent)
    }

    @Test("send-no-response-event-loadend.htm: an empty POST response still fires loadend; response is '' at DONE")
    func emptyResponseFiresLoadend() throws {
        let harness = WPTServer.harness()
        var responseAtDone: String?
        harness.xhr.onreadystatechange = { _ in
            if harness.xhr.readyState == .done { responseAtDone = harness.xhr.response.text }
        }
        var loadend: Event?
        harness.xhr.onloadend = { loadend = $0 }
        try harness.xhr.open("POST", "./resources/content.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(responseAtDone == "")
        #expect((loadend as? ProgressEvent)?.type == "loadend")
    }

    @Test("send-no-response-event-loadstart.htm: an empty POST fires loadstart before DONE")
    func emptyResponseFiresLoadstartFirst() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", "./resources/content.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let loadstart = try #require(harness.log.firstIndex(of: "loadstart(0/0)"))
        let done = try #require(harness.log.firstIndex(of: "rsc4"))
        #expect(loadstart < done)
        #expect(!harness.log.contains("rsc3"))
    }
}
