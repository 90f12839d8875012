import NIOHTTP1
import Testing

@testable import Proxy

/// The proxy's own framing of response heads (RFC 9112 §6), which replaces NIO's
/// status-case-based one so that recorded reason phrases and fields survive.
struct ResponseFramingTests {
    private func names(_ headers: HTTPHeaders) -> [String] { headers.map { "\($0.name): \($0.value)" } }

    @Test func bodylessStatusesLoseBothFramingFields() {
        for status in [100, 103, 204] {
            let fields = ResponseFraming.wireFields(status: status, [("A", "1"), ("Content-Length", "9"), ("Transfer-Encoding", "chunked")])
            #expect(names(fields) == ["A: 1"], "\(status)")
        }
    }

    @Test func notModifiedKeepsItsContentLengthButNeverChunks() {
        let fields = ResponseFraming.wireFields(status: 304, [("ETag", "\"x\""), ("Content-Length", "1234"), ("Transfer-Encoding", "chunked")])
        #expect(names(fields) == ["ETag: \"x\"", "Content-Length: 1234"])
        #expect(names(ResponseFraming.wireFields(status: 304, [("ETag", "\"x\"")])) == ["ETag: \"x\""])
    }

    @Test func contentLengthWinsOverTransferEncoding() {
        // Never both on the wire (RFC 9112 §6.3: a request smuggling vector).
        let fields = ResponseFraming.wireFields(status: 200, [("Transfer-Encoding", "chunked"), ("Content-Length", "5"), ("B", "2")])
        #expect(names(fields) == ["Content-Length: 5", "B: 2"])
    }

    @Test func aRecordedChunkedStaysInPlaceAndOtherCodingsBecomeChunked() {
        let kept = ResponseFraming.wireFields(status: 200, [("Transfer-Encoding", "Chunked"), ("B", "2")])
        #expect(names(kept) == ["Transfer-Encoding: Chunked", "B: 2"])
        let replaced = ResponseFraming.wireFields(status: 200, [("Transfer-Encoding", "gzip, chunked"), ("B", "2")])
        #expect(names(replaced) == ["B: 2", "transfer-encoding: chunked"])
        let added = ResponseFraming.wireFields(status: 500, [("B", "2")])
        #expect(names(added) == ["B: 2", "transfer-encoding: chunked"])
    }

    @Test func theEncoderLeavesFramingToTheProxy() {
        #expect(!ResponseFraming.encoderConfiguration.automaticallySetFramingHeaders)
    }
}
