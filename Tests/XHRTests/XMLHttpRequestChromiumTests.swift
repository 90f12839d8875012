import ContentCoding
import TapeCore
import XHR
import Testing

/// The `chromium` profile through the whole XHR, fetch layer included: the MIME
/// sniffing hold and the content-coding total (recordings/chromium/ shows both).
struct XMLHttpRequestChromiumTests {
    static let url = "http://h.test/x"

    private func run(_ entries: [Timeline.Entry]) throws -> XHRHarness {
        let harness = XHRHarness([Self.url: entries], profile: .chromium)
        try harness.xhr.open("GET", Self.url)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        return harness
    }

    @Test func aPlainTextResponseIsHeldUntilTheEndWhenShorterThanTheSniffingWindow() throws {
        // trickle-length-i100-sniff.jsonl: 500 bytes in 100-byte pieces, one progress at the end.
        let harness = try run(Script.trickle(Script.bytes(500), chunks: 5, gap: 100, headers: [("Content-Type", "text/plain")]))
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc2", "rsc3", "progress(500/500)", "rsc4", "load(500/500)", "loadend(500/500)"])
        #expect(harness.times[2] == 510_000)
    }

    @Test func thePieceThatPassesTheSniffingWindowReleasesTheResponse() throws {
        // trickle-length-big-i100-sniff.jsonl: 600-byte pieces, released with 1200 bytes.
        let harness = try run(Script.trickle(Script.bytes(1_800), chunks: 3, gap: 100, headers: [("Content-Type", "text/plain")]))
        #expect(harness.log.prefix(5) == ["rsc1", "loadstart(0/0)", "rsc2", "rsc3", "progress(1200/1800)"])
        #expect(harness.times[2] == 210_000)
    }

    @Test func nosniffReleasesTheResponseWithItsFirstBytes() throws {
        let harness = try run(Script.trickle(Script.bytes(500), chunks: 5, gap: 100,
                                             headers: [("Content-Type", "text/plain"), ("X-Content-Type-Options", "nosniff")]))
        #expect(harness.log.prefix(5) == ["rsc1", "loadstart(0/0)", "rsc2", "rsc3", "progress(100/500)"])
        #expect(harness.times[2] == 110_000)
    }

    @Test func aResetInsideTheSniffingWindowShowsNoHeadersReceived() throws {
        // reset-mid-body-sniff.jsonl: rsc(1), loadstart, rsc(4), error, loadend.
        var entries = Array(Script.trickle(Script.bytes(500), chunks: 5, gap: 100, headers: [("Content-Type", "text/plain")]).prefix(4))
        entries.append(Script.at(400, .failure(TransportFailure(.connectionReset, message: "reset"))))
        let harness = try run(entries)
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc4", "error(0/0)", "loadend(0/0)"])
    }

    @Test func aGzipResponseReportsDecodedBytesWithoutATotal() throws {
        // gzip-whole.jsonl: 4096 of 0, not computable, despite a Content-Length.
        let encoded = try ContentEncoder.encode(Script.bytes(4_096), as: .gzip)
        let harness = try run(Script.trickle(encoded, chunks: 1, gap: 0, headers: [
            ("Content-Type", "application/json"), ("Content-Encoding", "gzip")]))
        #expect(harness.log == ["rsc1", "loadstart(0/0)", "rsc2", "rsc3", "progress(4096/0)", "rsc4", "load(4096/0)", "loadend(4096/0)"])
    }
}
