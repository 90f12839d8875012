import CurlTransport
import TapeCore
import Testing

struct CurlRequestHeadersTests {
    @Test func fieldsKeepOrderAndCaseAndLibcurlDefaultsAreRemoved() {
        let request = CurlHarness.request("GET", "http://h/", headers: [("X-First", "1"), ("x-second", "2"), ("X-Empty", "")])
        #expect(CurlRequestHeaders.lines(for: request, sendsBody: false, bodyLength: 0)
                == ["X-First: 1", "x-second: 2", "X-Empty;", "Accept:", "Expect:"])
    }

    @Test func callersAcceptAndContentTypeAreSentInsteadOfRemoved() {
        let request = CurlHarness.request("POST", "http://h/", headers: [("Accept", "*/*"), ("Content-Type", "text/plain")])
        #expect(CurlRequestHeaders.lines(for: request, sendsBody: true, bodyLength: 3)
                == ["Accept: */*", "Content-Type: text/plain", "Expect:"])
    }

    @Test func framingFieldsThatDisagreeWithTheBodyAreDropped() {
        let request = CurlHarness.request("POST", "http://h/", headers: [("Content-Length", "5"), ("Transfer-Encoding", "chunked")])
        #expect(CurlRequestHeaders.lines(for: request, sendsBody: true, bodyLength: 3) == ["Accept:", "Content-Type:", "Expect:"])
        #expect(CurlRequestHeaders.lines(for: request, sendsBody: true, bodyLength: 5) == ["Content-Length: 5", "Accept:", "Content-Type:", "Expect:"])
    }
}
