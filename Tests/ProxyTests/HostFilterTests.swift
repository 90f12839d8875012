import Proxy
import Testing

/// `--only-host` / `--ignore-host` patterns, sans-IO: what each form matches and what it
/// refuses to parse.
struct HostFilterTests {
    private func pattern(_ text: String) throws -> HostPattern { try HostPattern(text) }

    @Test func aDomainMatchesItselfAndTheHostsUnderItAsNoProxyDoes() throws {
        let filter = HostFilter(only: [try pattern("Example.test")])
        #expect(filter.includes(url: "http://example.test/a"))
        #expect(filter.includes(url: "https://API.example.test:8443/a"))
        #expect(filter.includes(url: "http://a.b.example.test./"))  // trailing dot, any depth
        #expect(!filter.includes(url: "http://notexample.test/"))
        #expect(!filter.includes(url: "http://example.test.evil/"))
        #expect(!filter.includes(url: "http://test/"))
        let noProxySpelling = HostFilter(only: [try pattern(".example.test")])
        #expect(noProxySpelling.includes(url: "http://example.test/") && noProxySpelling.includes(url: "http://a.example.test/"))
    }

    @Test func aWildcardMatchesOnlyTheHostsUnderIt() throws {
        let filter = HostFilter(only: [try pattern("*.example.test")])
        #expect(filter.includes(url: "http://api.example.test/"))
        #expect(!filter.includes(url: "http://example.test/"))
        #expect(HostFilter(only: [try pattern("*")]).includes(url: "http://anything.at.all:1/"))
    }

    @Test func aPortMustMatchTooWithTheSchemesDefaultPorts() throws {
        let https = HostFilter(only: [try pattern("example.test:443")])
        #expect(https.includes(url: "https://example.test/"))
        #expect(!https.includes(url: "http://example.test/"))
        #expect(!https.includes(url: "https://example.test:8443/"))
        let anyHost = HostFilter(ignored: [try pattern("*:8080")])
        #expect(!anyHost.includes(url: "http://a.test:8080/"))
        #expect(anyHost.includes(url: "http://a.test:8081/"))
    }

    @Test func addressesMatchExactlyIPv6InAnySpelling() throws {
        let filter = HostFilter(only: [try pattern("127.0.0.1"), try pattern("[::1]:9000")])
        #expect(filter.includes(url: "http://127.0.0.1:5/"))
        #expect(!filter.includes(url: "http://127.0.0.10/"))
        #expect(!filter.includes(url: "http://1.127.0.0.1.example/"))
        #expect(filter.includes(url: "http://[0:0:0:0:0:0:0:1]:9000/"))
        #expect(!filter.includes(url: "http://[::1]:9001/"))
        #expect(HostFilter(only: [try pattern("::1")]).includes(host: "[::1]", port: 80))
    }

    @Test func ignoringWinsOverOnly() throws {
        let filter = HostFilter(only: [try pattern("example.test")], ignored: [try pattern("tracker.example.test")])
        #expect(filter.includes(url: "http://api.example.test/"))
        #expect(!filter.includes(url: "http://tracker.example.test/pixel"))
        #expect(!filter.includes(url: "http://a.tracker.example.test/"))
        #expect(!filter.includes(url: "http://other.test/"))
        #expect(filter.description == "only example.test; ignoring tracker.example.test")
    }

    @Test func noPatternsIncludeEverything() {
        let filter = HostFilter()
        #expect(filter.includesEverything)
        #expect(filter.includes(url: "http://any.test/"))
        #expect(filter.description == "every host")
    }

    @Test(arguments: [
        ("", "is empty"),
        ("   ", "is empty"),
        ("http://example.test/", "is a URL, not a host"),
        ("example.test/path", "is a URL, not a host"),
        ("a..example.test", "has an empty label"),
        ("..example.test", "has an empty label"),
        ("ex*ample.test", "has * other than as its first label"),
        ("exa mple.test", "has a character a host name cannot have"),
        ("example.test:0", "is not from 1 to 65535"),
        ("example.test:65536", "is not from 1 to 65535"),
        ("example.test:http", "is not from 1 to 65535"),
        ("[::1", "opens [ without closing it"),
        ("[example.test]", "has no IPv6 address inside [ ]"),
        ("[::1]x", "has \"x\" after the address"),
        ("::g", "is not an IPv6 address"),
        (":80", "has no host"),
    ])
    func aBadPatternSaysWhatIsWrongAndWhatToGive(text: String, why: String) {
        #expect {
            _ = try HostPattern(text)
        } throws: { error in
            guard let error = error as? ProxyError else { return false }
            return error.code == .invalidConfiguration && error.message.contains(why) && error.message.contains("*.example.test")
        }
    }
}
