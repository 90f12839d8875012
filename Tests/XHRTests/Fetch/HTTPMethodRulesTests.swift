#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Testing

@Suite("open-method-bogus.htm")
struct OpenMethodBogusTests {
    @Test(arguments: ["", ">", " GET", "G T", "@GET", "G:ET", "GET?", "GET\n"])
    func invalidMethodTokensThrowSyntaxError(method: String) {
        #expect(!HTTPMethodRules.isMethod(method))
        #expect(throws: FetchRuleError.self) { try HTTPMethodRules.validatedForOpen(method) }
        do {
            _ = try HTTPMethodRules.validatedForOpen(method)
        } catch {
            #expect(error.code == .invalidMethod)
            #expect(error.domExceptionName == "SyntaxError")
        }
    }
}

@Suite("open-method-insecure.htm")
struct OpenMethodInsecureTests {
    @Test(arguments: ["track", "TRACK", "trAck", "TRACE", "trace", "traCE", "connect", "CONNECT", "connECT"])
    func forbiddenMethodsInAnyCaseThrowSecurityError(method: String) {
        #expect(HTTPMethodRules.isForbidden(method))
        do {
            _ = try HTTPMethodRules.validatedForOpen(method)
            Issue.record("expected an error for \(method)")
        } catch {
            #expect(error.code == .forbiddenMethod)
            #expect(error.domExceptionName == "SecurityError")
        }
    }
}

@Suite("open-method-case-insensitive.htm")
struct OpenMethodCaseInsensitiveTests {
    @Test(arguments: [("deLETE", "DELETE"), ("get", "GET"), ("heAd", "HEAD"), ("OpTIOns", "OPTIONS"),
                      ("post", "POST"), ("Put", "PUT")])
    func standardMethodsAreUppercased(method: String, expected: String) throws {
        #expect(HTTPMethodRules.normalize(method) == expected)
        #expect(try HTTPMethodRules.validatedForOpen(method) == expected)
    }
}

@Suite("open-method-case-sensitive.htm")
struct OpenMethodCaseSensitiveTests {
    @Test(arguments: ["XUNICORN", "xUNIcorn", "chiCKEN", "PATCH", "patCH", "copy", "COpy", "inDEX", "movE"])
    func otherMethodsAreSentAsGiven(method: String) throws {
        #expect(try HTTPMethodRules.validatedForOpen(method) == method)
    }

    @Test func nonASCIILookalikesAreNotNormalized() {
        // U+017F LATIN SMALL LETTER LONG S must not fold to "S"; it is not a token either.
        #expect(HTTPMethodRules.normalize("po\u{17F}t") == "po\u{17F}t")
        #expect(!HTTPMethodRules.isMethod("po\u{17F}t"))
    }
}
