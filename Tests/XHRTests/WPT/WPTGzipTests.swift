@testable import XHR
import TapeCore
import Testing

/// WPT group 17: content codings.
struct WPTGzipTests {
    static let wellCompressible = String(repeating: "foofoofoofoofoofoofoo", count: 500)

    static func expectDecoded(_ resource: String, coding: String) throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("POST", resource, async: false)
        try harness.xhr.send(wellCompressible)
        let length = Int(harness.xhr.getResponseHeader("content-length") ?? "") ?? .max
        #expect(harness.xhr.getResponseHeader("content-encoding") == coding)
        #expect(length < wellCompressible.utf8.count)
        #expect(try harness.xhr.responseText == wellCompressible)
    }

    @Test("response-data-deflate.htm: a deflate (zlib) body is decoded; Content-Encoding and the compressed Content-Length stay visible")
    func deflate() throws { try Self.expectDecoded("resources/zlib.py", coding: "deflate") }

    @Test("response-data-gzip.htm: a gzip body is decoded; Content-Encoding and the compressed Content-Length stay visible")
    func gzip() throws { try Self.expectDecoded("resources/gzip.py", coding: "gzip") }
}
