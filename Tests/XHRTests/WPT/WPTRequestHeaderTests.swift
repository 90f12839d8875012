@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT group 08: request headers at the XHR level (the pure rules are in
/// Fetch/HeaderRulesTests.swift).
struct WPTRequestHeaderTests {
    @Test("open-after-setrequestheader.htm: open() again after setRequestHeader() drops the header")
    func reopenDropsHeader() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/inspect-headers.py?filter_name=X-foo")
        #expect(harness.xhr.readyState == .opened)
        try harness.xhr.setRequestHeader("X-foo", "bar")
        try harness.xhr.open("GET", "resources/inspect-headers.py?filter_name=X-foo")
        #expect(harness.xhr.readyState == .opened)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.readyState == .done)
        #expect(try harness.xhr.responseText == "")
    }

    @Test("send-accept.htm: the default Accept is */*; an author Accept replaces it")
    func defaultAccept() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/accept.py", async: false)
        try harness.xhr.send()
        #expect(try harness.xhr.responseText == "*/*")
        try harness.xhr.open("GET", "resources/accept.py", async: false)
        try harness.xhr.setRequestHeader("Accept", "x-something/vague, text/html5")
        try harness.xhr.send()
        #expect(try harness.xhr.responseText == "x-something/vague, text/html5")
        #expect(harness.transport.requests.last?.head.headerFields.wirePairs.filter { $0.name.lowercased() == "accept" }.count == 1)
    }

    @Test("setrequestheader-after-send.htm: setRequestHeader() after send() throws InvalidStateError in every later state")
    func setRequestHeaderAfterSend() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/delay.py?ms=0")
        var thrown: [DOMException.Name?] = []
        harness.xhr.onreadystatechange = { _ in thrown.append(thrownName { try harness.xhr.setRequestHeader("x-test", "test") }) }
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(thrown.count == 3)  // 2, 3, 4
        #expect(thrown.allSatisfy { $0 == .invalidStateError })
    }

    /// JavaScript's null and undefined reach setRequestHeader() as "null" and "undefined".
    @Test("setrequestheader-allow-empty-value.htm: empty, 'null' and 'undefined' values are sent", arguments: ["", "null", "undefined"])
    func emptyValuesAreSent(value: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", "resources/inspect-headers.py?filter_name=X-Empty", async: false)
        try harness.xhr.setRequestHeader("X-Empty", value)
        try harness.xhr.send()
        #expect(try harness.xhr.responseText == "X-Empty: \(value)\n")
    }

    @Test("setrequestheader-before-open.htm: setRequestHeader() in UNSENT throws InvalidStateError")
    func setRequestHeaderBeforeOpen() {
        let harness = WPTServer.harness()
        #expect(thrownName { try harness.xhr.setRequestHeader("x-test", "test") } == .invalidStateError)
    }

    @Test("setrequestheader-open-setrequestheader.htm: open() clears author headers set before it, Accept included")
    func openClearsAuthorHeaders() throws {
        let custom = WPTServer.harness()
        try custom.xhr.open("GET", "resources/inspect-headers.py?filter_name=x-appended-to-this")
        try custom.xhr.setRequestHeader("X-appended-to-this", "False")
        try custom.xhr.open("GET", "resources/inspect-headers.py?filter_name=x-appended-to-this")
        try custom.xhr.setRequestHeader("X-appended-to-this", "True")
        try custom.xhr.send()
        custom.scheduler.runUntilIdle()
        #expect(try custom.xhr.responseText == "X-appended-to-this: True\n")

        let accept = WPTServer.harness()
        try accept.xhr.open("GET", "resources/inspect-headers.py?filter_name=accept")
        try accept.xhr.setRequestHeader("Accept", "foo/bar")
        try accept.xhr.open("GET", "resources/inspect-headers.py?filter_name=accept")
        try accept.xhr.setRequestHeader("Accept", "bar/foo")
        try accept.xhr.send()
        accept.scheduler.runUntilIdle()
        #expect(try accept.xhr.responseText == "Accept: bar/foo\n")
    }
}
