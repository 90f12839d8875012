@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// WPT group 05: upload events.
struct WPTUploadTests {
    @Test("event-loadstart-upload.any.js: upload.loadstart carries loaded 0 and total 7 for a 7-byte body")
    func uploadLoadstart() throws {
        let harness = WPTServer.harness()
        var seen: ProgressEvent?
        harness.xhr.upload.onloadstart = { seen = $0 as? ProgressEvent }
        try harness.xhr.open("POST", "resources/trickle.py?ms=5&count=8")
        try harness.xhr.send("foo=bar")
        harness.scheduler.runUntilIdle()
        #expect(seen?.type == "loadstart")
        #expect(seen?.loaded == 0)
        #expect(seen?.total == 7)
        #expect(seen?.lengthComputable == true)
    }

    @Test("send-entity-body-get-head-async.htm: GET and HEAD drop the body: no Content-Length and no upload events",
          arguments: ["GET", "HEAD"])
    func getHeadDropBody(method: String) throws {
        let harness = WPTServer.harness()
        var events: [String] = []
        try harness.xhr.open(method, "resources/content.py")
        for type in ["progress", "loadend", "loadstart"] {
            harness.xhr.upload.addEventListener(type) { events.append($0.type) }
        }
        try harness.xhr.send("TEST")
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.getResponseHeader("x-request-content-length") == "NO")
        #expect(harness.xhr.getResponseHeader("x-request-method") == method)
        #expect(try harness.xhr.responseText == "")
        #expect(events == [])
        #expect(harness.transport.requests.first?.body == [])
    }

    @Test("send-response-upload-event-loadstart.htm: upload loadstart is a ProgressEvent targeted at xhr.upload")
    func uploadLoadstartTarget() throws { try expectUploadEventTargetsUpload("loadstart") }

    @Test("send-response-upload-event-progress.htm: upload progress is a ProgressEvent targeted at xhr.upload")
    func uploadProgressTarget() throws { try expectUploadEventTargetsUpload("progress") }

    @Test("send-response-upload-event-loadend.htm: upload loadend is a ProgressEvent targeted at xhr.upload")
    func uploadLoadendTarget() throws { try expectUploadEventTargetsUpload("loadend") }

    private func expectUploadEventTargetsUpload(_ type: String) throws {
        let harness = WPTServer.harness()
        var seen: [Event] = []
        harness.xhr.upload.addEventListener(type) { seen.append($0) }
        try harness.xhr.open("POST", "./resources/content.py")
        try harness.xhr.send("Test Message")
        harness.scheduler.runUntilIdle()
        // One of each, except progress: 11.7 (the body chunk) and 11.8 (end of body) both fire one.
        #expect(seen.count == (type == "progress" ? 2 : 1))
        #expect(seen.allSatisfy { $0 is ProgressEvent && $0.target === harness.xhr.upload })
        #expect(seen.first?.type == type)
        #expect(seen.first?.target === harness.xhr.upload)
    }
}
