import Cassette
import HTTPTypes
import TapeCore
import Testing

struct RedactorTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func defaultSecretHeadersAreReplacedKeepingNamesCaseAndOrder() {
        let request = ExchangeRequest.sample("GET", "http://h/", headers: [
            ("authorization", "Bearer abc"), ("Accept", "*/*"), ("COOKIE", "sid=1"), ("Proxy-Authorization", "Basic eA=="),
        ])
        let redacted = Redactor.standard.redact(request)
        #expect(redacted.head.headerFields.wirePairs.map(\.name) == ["authorization", "Accept", "COOKIE", "Proxy-Authorization"])
        #expect(redacted.head.headerFields.wirePairs.map(\.value) == ["REDACTED", "*/*", "REDACTED", "REDACTED"])
        let head = Redactor.standard.redact(ResponseHead.sample(headers: [("Set-Cookie", "sid=2; HttpOnly"), ("Set-Cookie", "b=3")]))
        #expect(head.headerFields.wirePairs.map(\.value) == ["REDACTED", "REDACTED"])
    }

    @Test func userHeaderRulesApplyToTrailersToo() {
        let redactor = Redactor(rules: [.header("X-Api-Key")])
        var trailers = HTTPFields()
        trailers.append(HTTPField(name: HTTPField.Name("x-api-key")!, value: "k"))
        #expect(redactor.redactTrailers(trailers).wirePairs.map(\.value) == ["REDACTED"])
    }

    @Test func rulesChangedAfterCreationAreTheOnesApplied() {
        var redactor = Redactor.none
        redactor.rules.append(.header("X-Secret"))
        redactor.rules.append(.queryParameter("token"))
        let request = ExchangeRequest.sample("GET", "http://h/?token=t1", headers: [("X-Secret", "s"), ("Authorization", "Bearer abc")])
        let redacted = redactor.redact(request)
        #expect(redacted.head.headerFields.wirePairs.map(\.value) == ["REDACTED", "Bearer abc"])
        #expect(redacted.head.url == "http://h/?token=REDACTED")
        redactor.rules = []
        #expect(redactor.redact(request) == request)
    }

    @Test func noneRedactsNothing() {
        let request = ExchangeRequest.sample("GET", "http://h/", headers: [("Authorization", "Bearer abc")])
        #expect(Redactor.none.redact(request) == request)
    }

    @Test func queryParameterIsReplacedInTheURLAndInURLHeadersKeepingEverythingElse() {
        let redactor = Redactor(rules: [.queryParameter("api_key")])
        let request = ExchangeRequest.sample("GET", "http://h/p?a=1&api%5Fkey=s3cret&flag&api_key#frag", headers: [
            ("Referer", "http://h/page?api_key=s3cret"),
        ])
        let redacted = redactor.redact(request)
        #expect(redacted.head.url == "http://h/p?a=1&api%5Fkey=REDACTED&flag&api_key=REDACTED#frag")
        #expect(redacted.head.headerFields[.referer] == "http://h/page?api_key=REDACTED")
    }

    @Test func formBodyFieldIsReplacedAndContentLengthFollows() {
        let redactor = Redactor(rules: [.queryParameter("password")])
        let body = Array("user=ann&password=hunter2&x=1".utf8)
        let request = ExchangeRequest.sample("POST", "http://h/login", headers: [
            ("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", String(body.count)),
        ], body: body)
        let redacted = redactor.redact(request)
        #expect(text(redacted.body) == "user=ann&password=REDACTED&x=1")
        #expect(redacted.head.headerFields[.contentLength] == String(redacted.body.count))
    }

    @Test func jsonFieldPathsReplaceValuesInPlace() throws {
        let redactor = Redactor(rules: [
            try .jsonField("$.user.password"), try .jsonField("$.tokens[*].value"), try .jsonField("secret"),
        ])
        let body = #"{"user": {"name":"ann", "password":"hunter2"}, "tokens":[{"value":"t1"},{"value":{"nested":true}}], "deep":{"x":[{"secret":42}]}}"#
        let redacted = redactor.redact(.sample("POST", "http://h/", body: Array(body.utf8)))
        #expect(text(redacted.body) == #"{"user": {"name":"ann", "password":"REDACTED"}, "tokens":[{"value":"REDACTED"},{"value":"REDACTED"}], "deep":{"x":[{"secret":"REDACTED"}]}}"#)
    }

    @Test func jsonRulesLeaveNonJSONBodiesAlone() throws {
        let redactor = Redactor(rules: [try .jsonField("password")])
        let body = Array("password: hunter2".utf8)
        #expect(redactor.redact(.sample("POST", "http://h/", body: body)).body == body)
    }

    @Test func bodyPatternReplacesTheFirstCaptureGroupOrTheWholeMatch() throws {
        let redactor = Redactor(rules: [try .bodyPattern("token=([A-Za-z0-9]+)"), try .bodyPattern("sk_live_[a-z0-9]+")])
        let body = Array("token=abc123; key sk_live_9f8e7d; token=zz".utf8)
        #expect(text(redactor.redact(.sample("POST", "http://h/", body: body)).body) == "token=REDACTED; key REDACTED; token=REDACTED")
    }

    @Test func bodyPatternWorksOnBodiesThatAreNotUTF8() throws {
        let redactor = Redactor(rules: [try .bodyPattern("pin=([0-9]+)")])
        let body: [UInt8] = [0xFF, 0xFE] + Array("pin=1234".utf8) + [0x80]
        #expect(redactor.redact(.sample("POST", "http://h/", body: body)).body == [0xFF, 0xFE] + Array("pin=REDACTED".utf8) + [0x80])
    }

    @Test func bodyRulesScopedToResponsesLeaveRequestsAlone() throws {
        let redactor = Redactor(rules: [try .jsonField("token", in: .responses)])
        let body = Array(#"{"token":"t"}"#.utf8)
        #expect(redactor.redact(.sample("POST", "http://h/", body: body)).body == body)
    }

    @Test func malformedRulesAreRejected() {
        let path = #expect(throws: CassetteError.self) { _ = try Redactor.Rule.jsonField("$.a[") }
        #expect(path?.code == .invalidRedactionRule)
        let pattern = #expect(throws: CassetteError.self) { _ = try Redactor.Rule.bodyPattern("(unclosed") }
        #expect(pattern?.code == .invalidRedactionRule)
    }
}
