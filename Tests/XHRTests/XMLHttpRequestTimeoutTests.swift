@testable import XHR
import TapeCore
import TapeTesting
import Testing

/// xhr.timeout on the virtual clock.
struct XMLHttpRequestTimeoutTests {
    static let url = "http://h.test/slow"
    private var script: [String: [Timeline.Entry]] { [Self.url: Script.trickle(Script.bytes(100), chunks: 4, gap: 100, headAt: 50)] }

    @Test("timeout-simple: a timeout before the head fires timeout at exactly the deadline")
    func timeoutBeforeHeaders() throws {
        let harness = XHRHarness(script)
        harness.xhr.timeout = 30
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "timeout(0/0)", "loadend(0/0)"])
        #expect(harness.times.suffix(3) == [30_000, 30_000, 30_000])
        #expect(harness.transport.players.count == 1)
    }

    @Test func aTimeoutMidBodyLandsAfterTheSameByteEveryRun() throws {
        for _ in 0..<3 {
            let harness = XHRHarness(script)
            harness.xhr.timeout = 200  // head at 50, chunks at 150, 250, 350, 450
            try harness.xhr.open("GET", Self.url)
            try harness.xhr.send()
            harness.scheduler.runUntilIdle()
            #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc2", "rsc3", "progress(25/100)", "rsc4", "timeout(0/0)", "loadend(0/0)"])
        }
    }

    @Test("xmlhttprequest-timeout-overridesexpires: a timeout set after send() counts from send()")
    func timeoutChangedAfterSend() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.advance(byMicros: 100_000)
        harness.xhr.timeout = 120
        harness.scheduler.runUntilIdle()
        #expect(harness.log.suffix(2) == ["timeout(0/0)", "loadend(0/0)"])
        #expect(harness.times.last == 120_000)
    }

    @Test("xmlhttprequest-timeout-expired: a timeout already past fires at once")
    func timeoutAlreadyExpired() throws {
        let harness = XHRHarness(script)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.advance(byMicros: 100_000)
        harness.xhr.timeout = 10
        harness.scheduler.advance(byMicros: 0)
        #expect(harness.log.suffix(2) == ["timeout(0/0)", "loadend(0/0)"])
        #expect(harness.times.last == 100_000)
    }

    @Test("xmlhttprequest-timeout-aborted: a timeout never fires after completion")
    func noTimeoutAfterCompletion() throws {
        let harness = XHRHarness(script)
        harness.xhr.timeout = 10_000
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.log.last == "loadend(100/100)")
        #expect(!harness.log.contains { $0.hasPrefix("timeout") })
    }
}
