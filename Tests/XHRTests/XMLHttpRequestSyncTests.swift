@testable import XHR
import TapeCore
import Testing

/// Synchronous requests: the scheduler runs inside send().
struct XMLHttpRequestSyncTests {
    static let url = "http://h.test/sync"

    @Test("send-sync-response-event-order / event-readystate-sync: rsc1, rsc4, load, loadend")
    func syncRequestsFireOnlyTheEndEvents() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(30), chunks: 3, gap: 100)])
        try harness.xhr.open("GET", Self.url, async: false)
        try harness.xhr.send()
        #expect(harness.xhr.readyState == .done)
        #expect(harness.xhr.status == 200)
        #expect(harness.log == ["rsc1", "rsc4", "load(30/30)", "loadend(30/30)"])
        #expect(harness.scheduler.nowMicros == 310_000, "virtual time moved to the end of the body")
    }

    @Test("send-sync-no-response-event-order: network errors are thrown, not dispatched")
    func syncNetworkErrorsAreThrown() throws {
        let harness = XHRHarness([:])
        try harness.xhr.open("GET", Self.url, async: false)
        #expect {
            try harness.xhr.send()
        } throws: { error in
            (error as? DOMException)?.name == .networkError
        }
        #expect(harness.log == ["rsc1"])
        #expect(harness.xhr.readyState == .done)
    }

    @Test("xmlhttprequest-timeout-synconworker: a sync timeout throws TimeoutError")
    func syncTimeoutsThrow() throws {
        let harness = XHRHarness([Self.url: Script.trickle(Script.bytes(30), chunks: 3, gap: 100)])
        try harness.xhr.open("GET", Self.url, async: false)
        harness.xhr.timeout = 150
        #expect {
            try harness.xhr.send()
        } throws: { error in
            (error as? DOMException)?.name == .timeoutError
        }
        #expect(harness.scheduler.nowMicros == 150_000)
    }
}
