import HTTPTypes
import TapeCore
import Testing

struct HeadTests {
    @Test(arguments: [("HTTP/1.1", HTTPVersion?.some(.http1_1)), ("HTTP/1.0", .http1_0), ("HTTP/2", .http2), ("HTTP/2.0", .http2),
                      ("HTTP/1", HTTPVersion(major: 1, minor: 0)), ("http/1.1", nil), ("HTTP/1.1.1", nil), ("HTTP/x", nil), ("", nil)])
    func versionsParseFromTheWireForm(text: String, version: HTTPVersion?) {
        #expect(HTTPVersion(text) == version)
    }

    @Test func headsCompareNameCaseAndOrderExactly() throws {
        let lower = try #require(HTTPFields(wirePairs: [("x-a", "1"), ("X-B", "2")]))
        let upper = try #require(HTTPFields(wirePairs: [("X-A", "1"), ("X-B", "2")]))
        let swapped = try #require(HTTPFields(wirePairs: [("X-B", "2"), ("x-a", "1")]))
        let head = ResponseHead(status: 200, reasonPhrase: "OK", headerFields: lower)
        #expect(head == ResponseHead(status: 200, reasonPhrase: "OK", headerFields: lower))
        #expect(head != ResponseHead(status: 200, reasonPhrase: "OK", headerFields: upper))
        #expect(head != ResponseHead(status: 200, reasonPhrase: "OK", headerFields: swapped))
        #expect(head != ResponseHead(status: 200, reasonPhrase: "Fine", headerFields: lower))
        #expect(Set([head, head]).count == 1)
        #expect(lower.wirePairs.map(\.name) == ["x-a", "X-B"])
    }

    @Test(arguments: [
        ([("Content-Length", "42")], Int64?.some(42)),
        ([("Content-Length", "42"), ("content-length", "42")], 42),
        ([("Content-Length", "42, 42")], 42),
        ([("Content-Length", "42"), ("Content-Length", "43")], nil),
        ([("Content-Length", "4 2")], nil),
        ([("Content-Length", "-1")], nil),
        ([("Content-Length", "")], nil),
        ([("Content-Length", " 42 ,\t42\t")], 42),
        ([("Content-Length", "42,")], nil),
        ([("Content-Length", "42,,42")], nil),
        ([("Content-Length", "007")], 7),
        ([("Content-Length", "9223372036854775807")], Int64.max),
        ([("Content-Length", "9223372036854775808")], nil),
        ([("Content-Length", "+5")], nil),
        ([], nil),
    ] as [([(String, String)], Int64?)])
    func contentLengthFollowsFetchExtractALength(pairs: [(String, String)], length: Int64?) throws {
        let fields = try #require(HTTPFields(wirePairs: pairs.map { (name: $0.0, value: $0.1) }))
        #expect(ResponseHead(status: 200, reasonPhrase: "OK", headerFields: fields).contentLength == length)
    }
}
