#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Foundation
import Testing

@Suite("urltestdata.json (URLResolver)")
struct URLTestDataTests {
    private struct Case: Decodable {
        var input: String
        var base: String?
        var href: String?
    }

    /// Cases that need what URLResolver documents as unsupported: IDNA for non-ASCII hosts.
    private static func needsIDNA(_ testCase: Case) -> Bool {
        // A host with non-ASCII code points (possibly percent-encoded) after the scheme.
        let text = testCase.input
        guard let schemeEnd = text.range(of: "://") ?? text.range(of: ":\\\\") else { return false }
        let afterScheme = text[schemeEnd.upperBound...]
        let hostPart = afterScheme.prefix { !"/?#\\".contains($0) }
        let decoded = hostPart.removingPercentEncoding ?? String(hostPart)
        return decoded.unicodeScalars.contains { !$0.isASCII } || hostPart.unicodeScalars.contains { !$0.isASCII }
    }

    private static func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: Data(WPTURLTestData.json.utf8))
    }

    @Test func supportedCasesProduceTheExpectedHref() throws {
        let cases = try Self.cases()
        #expect(cases.count > 700)
        var checked = 0
        for testCase in cases where !Self.needsIDNA(testCase) {
            checked += 1
            let result = URLResolver.resolve(testCase.input, against: testCase.base)
            #expect(result == testCase.href, "input \(String(reflecting: testCase.input)) base \(String(describing: testCase.base))")
        }
        #expect(checked > 600)
    }
}

@Suite("open-url-fragment.htm")
struct OpenURLFragmentTests {
    private let base = "http://web-platform.test:8000/xhr/open-url-fragment.htm"

    @Test func fragmentIsKeptByResolveAndRemovedForTheRequest() throws {
        let url = try URLResolver.resolvedForOpen("resources/requri.py#foobar", against: base)
        #expect(url == "http://web-platform.test:8000/xhr/resources/requri.py#foobar")
        #expect(URLResolver.withoutFragment(url) == "http://web-platform.test:8000/xhr/resources/requri.py")
    }

    @Test func fragmentAfterQueryIsRemoved() {
        let url = URLResolver.resolve("resources/requri.py?help=#foobar", against: base)
        #expect(url.map(URLResolver.withoutFragment) == "http://web-platform.test:8000/xhr/resources/requri.py?help=")
    }

    @Test func escapedHashIsNotRemoved() {
        let url = URLResolver.resolve("resources/requri.py?%23foobar", against: base)
        #expect(url.map(URLResolver.withoutFragment) == "http://web-platform.test:8000/xhr/resources/requri.py?%23foobar")
    }
}

@Suite("URLResolver")
struct URLResolverTests {
    @Test(arguments: [
        ("HTTP://EXAMPLE.COM:80/a/./b/../c", nil, "http://example.com/a/c"),
        ("https://Example.com:443", nil, "https://example.com/"),
        ("https://example.com:8443/", nil, "https://example.com:8443/"),
        ("//other.test/x", "https://example.com/a", "https://other.test/x"),
        ("../x?y z#f g", "http://h/a/b/c", "http://h/a/x?y%20z#f%20g"),
        ("\\\\h\\p\\q", "http://base/", "http://h/p/q"),
        ("/ä?ä#ä", "http://h/", "http://h/%C3%A4?%C3%A4#%C3%A4"),
        ("?q='x'", "http://h/p", "http://h/p?q=%27x%27"),
        ("http://h/%2e%2E/a/.%2e/b", nil, "http://h/b"),
        ("http://0x7f.1/", nil, "http://127.0.0.1/"),
        ("http://[0:0:0:0:0:0:0:1]:8080/", nil, "http://[::1]:8080/"),
        ("http://[::FFFF:192.168.0.1]/", nil, "http://[::ffff:c0a8:1]/"),
        ("data:text/plain,hello world", nil, "data:text/plain,hello world"),
        ("data:,x#frag", nil, "data:,x#frag"),
        ("http://user:p@ss@h/", nil, "http://user:p%40ss@h/"),
    ] as [(String, String?, String)])
    func resolvesLikeTheURLStandard(input: String, base: String?, expected: String) {
        #expect(URLResolver.resolve(input, against: base) == expected)
    }

    @Test(arguments: [
        ("relative/path", nil as String?),
        ("http://", nil),
        ("http://exa mple.com/", nil),
        ("http://[::1/", nil),
        ("http://h:65536/", nil),
        ("http://bücher.example/", nil),
        ("file:///etc/passwd", nil),
        ("x", "file:///tmp/"),
        ("x", "not a url"),
    ])
    func failuresAndUnsupportedInputsGiveNil(input: String, base: String?) {
        #expect(URLResolver.resolve(input, against: base) == nil)
    }

    @Test func resolvedForOpenThrowsInvalidURL() {
        do {
            _ = try URLResolver.resolvedForOpen("http://[", against: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidURL)
            #expect(error.domExceptionName == "SyntaxError")
        }
    }

    @Test func withoutFragmentLeavesURLsWithoutHashAlone() {
        #expect(URLResolver.withoutFragment("http://h/p?q") == "http://h/p?q")
        #expect(URLResolver.withoutFragment("http://h/p#") == "http://h/p")
    }
}
