#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Testing

@Suite("setrequestheader-bogus-name.htm")
struct SetRequestHeaderBogusNameTests {
    static let invalidNames: [String] = ["(", ")", "<", ">", "@", ",", ";", ":", "\\", "\"", "/", "[", "]", "?", "=",
                                         "{", "}", " ", "\u{7f}", "", "t\rt", "t\nt", "t: t", "t:t", "t<t", "t t",
                                         " tt", ":tt", "\ttt", "\u{0B}tt", "t\0t", "t\"t", "t,t", "t;t", "()[]{}",
                                         "a?B", "a=B"] + (0..<32).map { String(UnicodeScalar(UInt8($0))) }

    @Test(arguments: invalidNames)
    func nonTokenNamesThrowSyntaxError(name: String) {
        #expect(!HeaderRules.isHeaderName(name))
        do {
            _ = try HeaderRules.validatedForSetRequestHeader(name: name, value: "x-value")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidHeaderName)
            #expect(error.domExceptionName == "SyntaxError")
        }
    }

    @Test(arguments: ["ﾃｽﾄ", "X-ﾃｽﾄ"])
    func nonByteStringNamesThrowTypeError(name: String) {
        do {
            _ = try HeaderRules.validatedForSetRequestHeader(name: name, value: "x-value")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notAByteString)
            #expect(error.domExceptionName == "TypeError")
        }
    }
}

@Suite("setrequestheader-bogus-value.htm")
struct SetRequestHeaderBogusValueTests {
    @Test(arguments: ["t\0t", "t\rt", "t\nt"])
    func valuesWithNulCROrLFThrowSyntaxError(value: String) {
        do {
            _ = try HeaderRules.validatedForSetRequestHeader(name: "x-test", value: value)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidHeaderValue)
        }
    }

    @Test func nonByteStringValueThrowsTypeError() {
        do {
            _ = try HeaderRules.validatedForSetRequestHeader(name: "x-test", value: "ﾃｽﾄ")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notAByteString)
        }
    }

    @Test func latin1ValuesAreByteStrings() throws {
        #expect(try HeaderRules.validatedForSetRequestHeader(name: "x-test", value: "caf\u{E9}")?.value == "caf\u{E9}")
    }
}

@Suite("setrequestheader-allow-whitespace-in-value.htm")
struct SetRequestHeaderWhitespaceTests {
    @Test(arguments: [("\t\r\n x\tx \t\r\n", "x\tx"), (" ", ""), ("\t\t", ""), ("", ""), ("null", "null"), ("undefined", "undefined")])
    func leadingAndTrailingHTTPWhitespaceIsStripped(value: String, expected: String) throws {
        #expect(HeaderRules.normalizeValue(value) == expected)
        #expect(try HeaderRules.validatedForSetRequestHeader(name: "x-test", value: value)?.value == expected)
    }

    @Test func interiorNewlinesRemainInvalidAfterNormalizing() {
        #expect(throws: FetchRuleError.self) { try HeaderRules.validatedForSetRequestHeader(name: "x", value: " a\nb ") }
    }

    @Test func headerValueDefinitionRejectsEdgeTabsAndSpaces() {
        #expect(HeaderRules.isHeaderValue("a b"))
        #expect(HeaderRules.isHeaderValue(""))
        #expect(!HeaderRules.isHeaderValue(" a"))
        #expect(!HeaderRules.isHeaderValue("a\t"))
        #expect(!HeaderRules.isHeaderValue("a\0"))
    }
}

@Suite("setrequestheader-header-forbidden.htm")
struct SetRequestHeaderForbiddenTests {
    @Test(arguments: ["Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
                      "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT", "Expect", "Host", "Keep-Alive",
                      "Origin", "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via",
                      "Proxy-", "Proxy-LIES", "Proxy-Authorization", "Sec-", "Sec-X", "sec-fetch-mode", "HOST", "via"])
    func forbiddenNamesAreSilentlyDropped(name: String) throws {
        #expect(HeaderRules.isForbiddenRequestHeader(name: name, value: "TEST"))
        #expect(try HeaderRules.validatedForSetRequestHeader(name: name, value: "TEST") == nil)
    }

    @Test(arguments: [("X-HTTP-Method", "TRACE"), ("x-http-method-override", "get, connect"), ("X-Method-Override", " track "),
                      ("X-HTTP-Method-Override", "\"x\", TRACE")])
    func methodOverrideHeadersAreForbiddenWhenAnyValueIsAForbiddenMethod(name: String, value: String) {
        #expect(HeaderRules.isForbiddenRequestHeader(name: name, value: value))
    }

    @Test(arguments: [("X-HTTP-Method", "PATCH"), ("X-HTTP-Method-Override", "\"TRACE\""), ("X-Method-Override", "traces")])
    func methodOverrideHeadersWithAllowedMethodsAreAllowed(name: String, value: String) {
        #expect(!HeaderRules.isForbiddenRequestHeader(name: name, value: value))
    }
}

@Suite("setrequestheader-header-allowed.htm")
struct SetRequestHeaderAllowedTests {
    @Test(arguments: ["Authorization", "Pragma", "User-Agent", "Content-Transfer-Encoding", "Content-Type", "Overwrite",
                      "Accept", "Accept-Language", "X-Custom", "Proxy", "Sec", "Sec_X", "Cookie3", "Dates"])
    func otherNamesAreAllowed(name: String) throws {
        #expect(try HeaderRules.validatedForSetRequestHeader(name: name, value: "t1")?.name == name)
    }
}

@Suite("setrequestheader-case-insensitive.htm")
struct SetRequestHeaderCaseInsensitiveTests {
    @Test func valuesCombineUnderTheFirstUsedNameCase() {
        var headers = RequestHeaderList()
        headers.combine(name: "x-test", value: "t1")
        headers.combine(name: "X-TEST", value: "t2")
        headers.combine(name: "X-teST", value: "t3")
        #expect(headers.headers == [.init(name: "x-test", value: "t1, t2, t3")])
    }

    @Test func otherHeadersKeepTheirOwnCase() {
        var headers = RequestHeaderList()
        headers.combine(name: "THIS-IS-A-TEST", value: "1")
        headers.combine(name: "THIS-is-A-test", value: "2")
        headers.combine(name: "content-TYPE", value: "x/x")
        #expect(headers.pairs.map { "\($0.name): \($0.value)" } == ["THIS-IS-A-TEST: 1, 2", "content-TYPE: x/x"])
        #expect(headers.get("Content-Type") == "x/x")
    }
}

@Suite("setrequestheader-combining.window.js")
struct SetRequestHeaderCombiningTests {
    @Test func combiningPreservesEmptyValues() throws {
        var headers = RequestHeaderList()
        for value in ["", "", " ", "x\tx", ""] {
            let header = try #require(try HeaderRules.validatedForSetRequestHeader(name: "test-me", value: value))
            headers.combine(name: header.name, value: header.value)
        }
        #expect(headers.get("test-me") == ", , , x\tx, ")
    }
}

@Suite("RequestHeaderList")
struct RequestHeaderListTests {
    @Test func setReplacesTheFirstAndRemovesTheRest() {
        var headers = RequestHeaderList([("A", "1"), ("b", "2"), ("a", "3")])
        #expect(headers.pairs.map(\.name) == ["A", "b", "A"])
        headers.set(name: "a", value: "4")
        #expect(headers.headers == [.init(name: "A", value: "4"), .init(name: "b", value: "2")])
        headers.set(name: "C", value: "5")
        #expect(headers.get("c") == "5")
    }

    @Test func deleteAndContainsAreCaseInsensitive() {
        var headers = RequestHeaderList([("Content-Type", "x/x"), ("Accept", "*/*")])
        #expect(headers.contains("content-type"))
        headers.delete("CONTENT-TYPE")
        #expect(!headers.contains("Content-Type"))
        #expect(headers.get("content-type") == nil)
        #expect(!headers.isEmpty)
        #expect(Array(headers).count == 1)
    }
}

@Suite("getallresponseheaders.htm")
struct GetAllResponseHeadersTests {
    @Test func duplicatesAreCombinedInOrder() {
        #expect(HeaderRules.allResponseHeadersString([("foo-test", "1"), ("foo-test", "2"), ("foo-test", "3")]) == "foo-test: 1, 2, 3\r\n")
        #expect(HeaderRules.allResponseHeadersString([("Content-Length", "0")]) == "content-length: 0\r\n")
        #expect(HeaderRules.allResponseHeadersString([("WWW-Authenticate", "1"), ("www-authenticate", "2, 3"), ("WWW-AUTHENTICATE", "4")])
                == "www-authenticate: 1, 2, 3, 4\r\n")
    }

    @Test func namesAreLowercasedAndSortedByUppercasedBytes() {
        let headers = [("foo-TEST", "1"), ("ALSO-here", "Mr. PB"), ("ewok", "lego"), ("FOO-test", "2")]
        #expect(HeaderRules.allResponseHeadersString(headers) == "also-here: Mr. PB\r\newok: lego\r\nfoo-test: 1, 2\r\n")
    }

    @Test func legacyUppercasedOrderDiffersFromLowercaseOrderForPunctuation() {
        // "_" (0x5F) sorts after "A" (0x41) once uppercased, though before "a" (0x61) lowercased.
        let headers = [("a_b", "1"), ("aab", "2"), ("a-b", "3")]
        #expect(HeaderRules.allResponseHeadersString(headers) == "a-b: 3\r\naab: 2\r\na_b: 1\r\n")
        #expect(HeaderRules.sortAndCombine(headers).map(\.name) == ["a-b", "a_b", "aab"])
    }

    @Test func emptyValuesArePreservedWhenCombining() {
        #expect(HeaderRules.allResponseHeadersString([("heya", ""), ("heya", "1"), ("heya", ""), ("heya", "2")]) == "heya: , 1, , 2\r\n")
        #expect(HeaderRules.allResponseHeadersString([]) == "")
    }
}

@Suite("getallresponseheaders-cookies.htm")
struct GetAllResponseHeadersCookiesTests {
    @Test func setCookieAndSetCookie2AreExcluded() {
        let headers = [("Set-Cookie", "a=b"), ("set-cookie2", "c=d"), ("X-Test", "1"), ("SET-COOKIE", "e=f")]
        #expect(HeaderRules.allResponseHeadersString(headers) == "x-test: 1\r\n")
        #expect(HeaderRules.responseHeader("set-cookie", in: headers) == nil)
    }

    @Test func sortAndCombineKeepsSetCookieValuesSeparate() {
        let combined = HeaderRules.sortAndCombine([("Set-Cookie", "a=b"), ("x", "1"), ("set-cookie", "c=d"), ("X", "2")])
        #expect(combined.map { "\($0.name)=\($0.value)" } == ["set-cookie=a=b", "set-cookie=c=d", "x=1, 2"])
    }
}

@Suite("getresponseheader.any.js")
struct GetResponseHeaderTests {
    @Test func duplicatesAndEmptyValuesAreCombinedCaseInsensitively() {
        let headers = [("Content-Length", "0"), ("X-Empty", ""), ("content-length", "0"), ("x-empty", "")]
        #expect(HeaderRules.responseHeader("CONTENT-LENGTH", in: headers) == "0, 0")
        #expect(HeaderRules.responseHeader("x-EMPTY", in: headers) == ", ")
        #expect(HeaderRules.responseHeader("missing", in: headers) == nil)
    }
}

@Suite("Fetch: get, decode, and split")
struct GetDecodeSplitTests {
    @Test(arguments: [
        ("nosniff,", ["nosniff", ""]),
        ("", [""]),
        ("text/html;\", text/plain", ["text/html;\", text/plain"]),
        ("text/html;\"\", text/plain", ["text/html;\"\"", "text/plain"]),
        ("text/html;\"\\\", text/plain", ["text/html;\"\\\", text/plain"]),
        ("text/html;\"\\\", text/plain\", text/plain", ["text/html;\"\\\", text/plain\"", "text/plain"]),
        ("x/x;test=\"hi\",y/y", ["x/x;test=\"hi\"", "y/y"]),
        ("x / x,,,1", ["x / x", "", "", "1"]),
        ("\"1,2\", 3", ["\"1,2\"", "3"]),
    ] as [(String, [String])])
    func splitsOnCommasOutsideQuotes(value: String, expected: [String]) {
        #expect(HeaderRules.getDecodeSplit(value) == expected)
    }
}
