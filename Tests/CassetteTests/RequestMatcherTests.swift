import Cassette
import TapeCore
import Testing

struct RequestMatcherTests {
    private func recorded(_ requests: ExchangeRequest...) -> [RecordedRequest] {
        requests.enumerated().map { RecordedRequest(id: ExchangeID(rawValue: Int64($0.offset + 1)), request: $0.element) }
    }

    private func get(_ url: String, headers: [(String, String)] = []) -> ExchangeRequest {
        .sample("GET", url, headers: headers)
    }

    private func post(_ url: String, _ body: String, headers: [(String, String)] = []) -> ExchangeRequest {
        .sample("POST", url, headers: headers, body: Array(body.utf8))
    }

    private func miss(_ matcher: inout RequestMatcher, _ request: ExchangeRequest) -> CassetteError? {
        #expect(throws: CassetteError.self) { _ = try matcher.match(request) }
    }

    @Test func urlsMatchAfterNormalisation() throws {
        var matcher = RequestMatcher(recorded: recorded(get("HTTP://Example.TEST:80/a/./b/../c/%7euser?x=%2f")))
        #expect(try matcher.match(get("http://example.test/a/c/~user?x=%2F")) == ExchangeID(rawValue: 1))
    }

    @Test func dotsInsideSegmentsAreKeptAndDotSegmentsRemoved() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/files/1k.bin"), get("http://h/files/.cache/../x.y.z")))
        #expect(try matcher.match(get("http://h/files/x.y.z")) == ExchangeID(rawValue: 2))
        #expect(try matcher.match(get("HTTP://H/files/1k.bin")) == ExchangeID(rawValue: 1))
        #expect(miss(&matcher, get("http://h/files/1kbin"))?.miss?.closest?.differences.first?.field == .path)
    }

    @Test func delimitersFollowedByACombiningMarkStillDelimit() throws {
        // URL parsing works on code points: `&` then U+0301 is a separator and a parameter
        // named "\u{301}b", not one grapheme inside the value of `a`.
        let ignoring = MatchOptions(ignoredQueryParameters: ["\u{301}b"])
        var matcher = RequestMatcher(recorded: recorded(get("http://h/s?a=1&\u{301}b=2")), options: ignoring)
        #expect(try matcher.match(get("http://h/s?a=1")) == ExchangeID(rawValue: 1))
        var bracketed = RequestMatcher(recorded: recorded(get("http://user@[::1]:80/x")))
        #expect(try bracketed.match(get("http://[::1]/x")) == ExchangeID(rawValue: 1))
    }

    @Test func defaultHTTPSPortEqualsNoPort() throws {
        var matcher = RequestMatcher(recorded: recorded(get("https://h:443/")))
        #expect(try matcher.match(get("https://h")) == ExchangeID(rawValue: 1))
    }

    @Test func otherPortIsADifference() {
        var matcher = RequestMatcher(recorded: recorded(get("http://h:8080/p")))
        let differences = miss(&matcher, get("http://h:8081/p"))?.miss?.closest?.differences
        #expect(differences == [MatchDifference(.port, recorded: "8080", requested: "8081")])
    }

    @Test func methodIsPartOfTheKey() {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/items")))
        let error = miss(&matcher, .sample("DELETE", "http://h/items"))
        #expect(error?.code == .noMatch)
        #expect(error?.miss?.closest?.differences == [MatchDifference(.method, recorded: "GET", requested: "DELETE")])
    }

    @Test func queryOrderCountsUnlessIgnored() throws {
        var strict = RequestMatcher(recorded: recorded(get("http://h/s?a=1&b=2")))
        let differences = miss(&strict, get("http://h/s?b=2&a=1"))?.miss?.closest?.differences
        #expect(differences?.map(\.field) == [.queryOrder])
        var loose = RequestMatcher(recorded: recorded(get("http://h/s?a=1&b=2")), options: MatchOptions(ignoresQueryOrder: true))
        #expect(try loose.match(get("http://h/s?b=2&a=1")) == ExchangeID(rawValue: 1))
    }

    @Test func repeatedParameterKeepsItsValueOrderEvenWhenQueryOrderIsIgnored() {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/s?tag=a&tag=b")), options: MatchOptions(ignoresQueryOrder: true))
        let difference = miss(&matcher, get("http://h/s?tag=b&tag=a"))?.miss?.closest?.differences.first
        #expect(difference == MatchDifference(.queryParameter, name: "tag", recorded: "a&b", requested: "b&a"))
    }

    @Test func ignoredQueryParametersAreLeftOut() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/feed?_=1700000000&page=2")), options: MatchOptions(ignoredQueryParameters: ["_"]))
        #expect(try matcher.match(get("http://h/feed?page=2&_=1800000000")) == ExchangeID(rawValue: 1))
    }

    @Test func closestMatchNamesTheDifferingQueryParameter() {
        var matcher = RequestMatcher(recorded: recorded(
            get("http://api.test/orders?page=2"),
            get("http://api.test/users?page=1"),
            get("http://api.test/users?page=1&per=10")))
        let error = miss(&matcher, get("http://api.test/users?page=2"))
        #expect(error?.code == .noMatch)
        #expect(error?.miss?.method == "GET")
        #expect(error?.miss?.url == "http://api.test/users?page=2")
        #expect(error?.miss?.closest?.id == ExchangeID(rawValue: 2))
        #expect(error?.miss?.closest?.differences == [MatchDifference(.queryParameter, name: "page", recorded: "1", requested: "2")])
    }

    @Test func closestMatchNamesAPathDifference() {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/v1/users"), get("http://other/v2/users")))
        let closest = miss(&matcher, get("http://h/v2/users"))?.miss?.closest
        #expect(closest?.id == ExchangeID(rawValue: 1))
        #expect(closest?.differences == [MatchDifference(.path, recorded: "/v1/users", requested: "/v2/users")])
    }

    @Test func missOnAnEmptyCassetteHasNoClosestExchange() {
        var matcher = RequestMatcher(recorded: [])
        let error = miss(&matcher, get("http://h/"))
        #expect(error?.code == .noMatch)
        #expect(error?.miss?.closest == nil)
    }

    @Test func bodiesAreIgnoredByDefault() throws {
        var matcher = RequestMatcher(recorded: recorded(post("http://h/q", "a")))
        #expect(try matcher.match(post("http://h/q", "b")) == ExchangeID(rawValue: 1))
    }

    @Test func exactBodyMatchingComparesBytes() throws {
        var matcher = RequestMatcher(recorded: recorded(post("http://h/q", "{\"a\":1}")), options: MatchOptions(body: .exact))
        let difference = miss(&matcher, post("http://h/q", "{\"a\": 1}"))?.miss?.closest?.differences.first
        #expect(difference?.field == .body)
        #expect(difference?.name == "byte 5")
        #expect(try matcher.match(post("http://h/q", "{\"a\":1}")) == ExchangeID(rawValue: 1))
    }

    @Test func jsonBodyMatchingIgnoresKeyOrderWhitespaceAndEscapes() throws {
        var matcher = RequestMatcher(
            recorded: recorded(post("http://h/q", #"{"b":[1,2.50],"a":"é","c":{"x":null}}"#)), options: MatchOptions(body: .json))
        #expect(try matcher.match(post("http://h/q", #" { "c" : { "x" : null }, "a" : "\u00e9", "b" : [ 1, 2.5 ] } "#)) == ExchangeID(rawValue: 1))
    }

    @Test func jsonBodyDifferenceNamesThePath() {
        var matcher = RequestMatcher(recorded: recorded(post("http://h/q", #"{"user":{"id":1,"tags":["a"]}}"#)), options: MatchOptions(body: .json))
        let difference = miss(&matcher, post("http://h/q", #"{"user":{"id":2,"tags":["a"]}}"#))?.miss?.closest?.differences
        #expect(difference == [MatchDifference(.body, name: "$.user.id", recorded: "1", requested: "2")])
        let missing = miss(&matcher, post("http://h/q", #"{"user":{"id":1,"tags":[]}}"#))?.miss?.closest?.differences
        #expect(missing == [MatchDifference(.body, name: "$.user.tags[0]", recorded: "\"a\"", requested: nil)])
    }

    @Test func formBodyMatchingDecodesAndIgnoresFieldOrder() throws {
        var matcher = RequestMatcher(recorded: recorded(post("http://h/login", "user=ann+lee&lang=en")), options: MatchOptions(body: .form))
        #expect(try matcher.match(post("http://h/login", "lang=en&user=ann%20lee")) == ExchangeID(rawValue: 1))
        let difference = miss(&matcher, post("http://h/login", "lang=fr&user=ann+lee"))?.miss?.closest?.differences
        #expect(difference == [MatchDifference(.body, name: "lang", recorded: "en", requested: "fr")])
    }

    @Test func selectedHeadersMustBeEqual() throws {
        let options = MatchOptions(headers: ["accept"])
        var matcher = RequestMatcher(recorded: recorded(get("http://h/r", headers: [("Accept", "application/json")])), options: options)
        let difference = miss(&matcher, get("http://h/r", headers: [("Accept", "text/html")]))?.miss?.closest?.differences
        #expect(difference == [MatchDifference(.header, name: "accept", recorded: "application/json", requested: "text/html")])
        #expect(try matcher.match(get("http://h/r", headers: [("ACCEPT", "application/json"), ("X-Other", "1")])) == ExchangeID(rawValue: 1))
    }

    @Test func customMatcherCanRejectARecording() throws {
        let options = MatchOptions(custom: { live, recorded in
            live.head.headerFields.count == recorded.request.head.headerFields.count
        })
        var matcher = RequestMatcher(recorded: recorded(get("http://h/c"), get("http://h/c", headers: [("X-A", "1")])), options: options)
        #expect(try matcher.match(get("http://h/c", headers: [("X-B", "2")])) == ExchangeID(rawValue: 2))
        let error = miss(&matcher, get("http://h/c", headers: [("X-A", "1"), ("X-B", "2")]))
        #expect(error?.code == .noMatch)
        #expect(error?.miss?.closest?.differences.map(\.field) == [.custom])
    }

    @Test func identicalRequestsAreServedInRecordedOrder() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/poll"), get("http://h/other"), get("http://h/poll"), get("http://h/poll")))
        let served = try (0..<3).map { _ in try matcher.match(get("http://h/poll")) }
        #expect(served.map(\.rawValue) == [1, 3, 4])
    }

    @Test func exhaustedRecordingsFailByDefault() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/poll"), get("http://h/poll")))
        _ = try matcher.match(get("http://h/poll"))
        _ = try matcher.match(get("http://h/poll"))
        let error = miss(&matcher, get("http://h/poll"))
        #expect(error?.code == .exhausted)
        #expect(error?.miss?.closest?.id == ExchangeID(rawValue: 2))
        #expect(error?.miss?.closest?.differences == [])
    }

    @Test func exhaustedRecordingsRepeatTheLastWhenAsked() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/poll"), get("http://h/poll")), options: MatchOptions(whenExhausted: .repeatLast))
        let served = try (0..<4).map { _ in try matcher.match(get("http://h/poll")) }
        #expect(served.map(\.rawValue) == [1, 2, 2, 2])
    }

    @Test func repeatLastSkipsARecordingItsClientGaveUpOn() throws {
        var requests = recorded(get("http://h/poll"), get("http://h/poll"), get("http://h/poll"))
        requests[2].clientGaveUp = true
        var matcher = RequestMatcher(recorded: requests, options: MatchOptions(whenExhausted: .repeatLast))
        let served = try (0..<5).map { _ in try matcher.match(get("http://h/poll")) }
        // Each recording once, in order; then the last complete one, not the abandoned one.
        #expect(served.map(\.rawValue) == [1, 2, 3, 2, 2])
    }

    @Test func candidatesListEveryMatchingRecordingWithoutUsingThem() throws {
        var matcher = RequestMatcher(recorded: recorded(get("http://h/a"), get("http://h/b"), get("http://h/a")))
        #expect(matcher.candidates(for: get("http://h/a")).map(\.rawValue) == [1, 3])
        #expect(try matcher.match(get("http://h/a")).rawValue == 1)
    }
}
