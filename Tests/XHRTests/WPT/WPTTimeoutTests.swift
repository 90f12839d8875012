@testable import XHR
import TapeCore
import Testing

/// WPT group 03: xhr.timeout, on the virtual clock.
struct WPTTimeoutTests {
    /// `resources/xmlhttprequest-timeout.js`: the stalled resource loads in 3 s.
    static let stalledURL = "resources/delay.py?ms=3000"

    /// The harness's RequestTracker: one request with `timeLimit`, optionally changed to
    /// `resetTo` `resetAfter` ms after send(); returns the events among error, load,
    /// abort and timeout that fired (the WPT file asserts exactly one).
    private func track(_ timeLimit: Int64, resetAfter: Int64? = nil, resetTo: Int64 = 0) throws -> [String] {
        let harness = WPTServer.harness()
        var fired: [String] = []
        for type in ["error", "load", "abort", "timeout"] {
            harness.xhr.addEventListener(type) { fired.append($0.type) }
        }
        try harness.xhr.open("GET", Self.stalledURL)
        harness.xhr.timeout = timeLimit
        if let resetAfter {
            harness.scheduler.schedule(afterMicros: resetAfter * 1_000) { harness.xhr.timeout = resetTo }
        }
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        return fired
    }

    @Test("event-timeout-order.any.js: a timeout during the upload fires the upload timeout events first")
    func timeoutEventOrder() throws {
        let harness = WPTServer.harness()
        harness.listenToUpload()
        harness.xhr.timeout = 5
        try harness.xhr.open("POST", "resources/delay.py?ms=20000")
        try harness.xhr.send("Test Message")
        harness.scheduler.runUntilIdle()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "upload.loadstart(0/12)", "rsc4",
                                "upload.timeout(0/0)", "upload.loadend(0/0)", "timeout(0/0)", "loadend(0/0)"])
        #expect(harness.times.last == 5_000)
    }

    @Test("event-timeout.any.js: timeout fires with readyState DONE")
    func timeoutFiresAtDone() throws {
        let harness = WPTServer.harness()
        var state: ReadyState?
        harness.xhr.ontimeout = { _ in state = harness.xhr.readyState }
        harness.xhr.timeout = 5
        try harness.xhr.open("GET", "resources/delay.py?ms=20000")
        try harness.xhr.send()
        harness.scheduler.run(untilMicros: 1_000_000)
        #expect(state == .done)
    }

    @Test("send-timeout-events.htm: a 1 ms timeout during a large POST fires 4 with '', then upload timeout, loadend, timeout, loadend, all 0/0")
    func sendTimeoutEvents() throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var actual: [String] = []
        var zeros = true
        xhr.onreadystatechange = { _ in
            if xhr.readyState == .done { actual += ["4", xhr.response.text ?? "?"] }
        }
        func record(_ prefix: String) -> (Event) -> Void {
            { event in
                let progress = event as! ProgressEvent
                zeros = zeros && progress.loaded == 0 && progress.total == 0
                actual.append(prefix + event.type)
            }
        }
        xhr.onloadend = record("")
        xhr.ontimeout = record("")
        xhr.upload.onloadend = record("upload.")
        xhr.upload.ontimeout = record("upload.")
        let content = (0..<121_026).map { "[\($0)]" }.joined()
        try xhr.open("POST", "./resources/trickle.py")
        xhr.timeout = 1
        try xhr.send(content)
        harness.scheduler.runUntilIdle()
        #expect(actual == ["4", "", "upload.timeout", "upload.loadend", "timeout", "loadend"])
        #expect(zeros)
    }

    @Test("sync-no-timeout.any.js: a sync request has no implicit timeout: 12 chunks a second apart complete")
    func syncHasNoImplicitTimeout() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/trickle.py?ms=1000&count=12", async: false)
        try harness.xhr.send()
        #expect(harness.xhr.status == 200)
        #expect(harness.xhr.responseBytes.count == 12 * WPTServer.trickleChunk.count)
        #expect(harness.scheduler.nowMicros == 14_000_000)
    }

    @Test("xhr-timeout-longtask.any.js: a response that arrived before the deadline wins over a timeout that elapses during a long task")
    func longTaskDoesNotTriggerTimeout() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/delay.py?ms=100")
        harness.xhr.timeout = 150
        try harness.xhr.send()
        // The script keeps the thread for 200 ms; the response (100 ms) and the timeout
        // (150 ms) are both tasks, run afterwards in the order they became due.
        harness.scheduler.run(untilMicros: 200_000)
        harness.scheduler.runUntilIdle()
        #expect(!harness.log.contains("timeout(0/0)"))
        #expect(harness.log.last == "loadend(10/10)")
    }

    @Test("xmlhttprequest-timeout-abortedonmain.html: abort() from a 0 ms timer or after a delay fires abort, not timeout",
          arguments: [Int64(0), 1_000])
    func abortedOnMain(abortDelay: Int64) throws {
        let harness = WPTServer.harness()
        var fired: [String] = []
        for type in ["error", "load", "abort", "timeout"] {
            harness.xhr.addEventListener(type) { fired.append($0.type) }
        }
        try harness.xhr.open("GET", Self.stalledURL)
        harness.xhr.timeout = 2_000
        try harness.xhr.send()
        harness.scheduler.schedule(afterMicros: abortDelay * 1_000) { harness.xhr.abort() }
        harness.scheduler.runUntilIdle()
        #expect(fired == ["abort"])
    }

    @Test("xmlhttprequest-timeout-simple.html: timeout 0, larger than the load, smaller than the load")
    func simple() throws {
        #expect(try track(0) == ["load"])
        #expect(try track(5_000) == ["load"])
        #expect(try track(2_000) == ["timeout"])
    }

    @Test("xmlhttprequest-timeout-twice.html: setting the same timeout twice does not restart the timer")
    func twice() throws {
        #expect(try track(0, resetAfter: 2_000, resetTo: 0) == ["load"])
        #expect(try track(5_000, resetAfter: 2_000, resetTo: 5_000) == ["load"])
        #expect(try track(2_000, resetAfter: 1_000, resetTo: 2_000) == ["timeout"])
    }

    @Test("xmlhttprequest-timeout-overrides.html: disabling, shortening and enabling the timeout after send()")
    func overrides() throws {
        #expect(try track(5_000, resetAfter: 2_000, resetTo: 0) == ["load"])
        #expect(try track(5_000, resetAfter: 1_000, resetTo: 2_000) == ["timeout"])
        #expect(try track(0, resetAfter: 2_000, resetTo: 50_000) == ["load"])
    }

    @Test("xmlhttprequest-timeout-reused.html: the timeout counts from send(), not from open(), on a reused object")
    func reused() throws {
        let harness = WPTServer.harness()
        let xhr = harness.xhr
        var loads: [String] = []
        xhr.onload = { _ in loads.append(xhr.response.text ?? "?") }
        func startRequest() {
            try! xhr.open("GET", "./resources/content.py?content=Hi")
            xhr.timeout = 2_000
            harness.scheduler.schedule(afterMicros: 1_000_000) { try! xhr.send() }
        }
        startRequest()
        harness.scheduler.schedule(afterMicros: 3_500_000) { startRequest() }
        harness.scheduler.runUntilIdle()
        #expect(loads == ["Hi", "Hi"])
        #expect(!harness.log.contains("timeout(0/0)"))
    }
}
