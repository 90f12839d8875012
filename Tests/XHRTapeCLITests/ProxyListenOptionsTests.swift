import Testing
@testable import XHRTapeCLI

/// Which `--host` values count as loopback: anything else makes `record` and `replay` warn
/// that the proxy and its recordings are reachable from elsewhere.
struct ProxyListenOptionsTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.2", "127.255.255.254", "localhost", "::1", "[::1]"])
    func loopbackAddressesNeedNoWarning(host: String) {
        #expect(ProxyListenOptions.isLoopback(host))
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.10", "::", "128.0.0.1", "127.0.0", "127.0.0.256", "127.0.0.1.5", "127.0.0.01x", "example.test"])
    func otherAddressesAreNotLoopback(host: String) {
        #expect(!ProxyListenOptions.isLoopback(host))
    }
}
