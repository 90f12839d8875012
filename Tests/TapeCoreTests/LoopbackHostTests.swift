import TapeCore
import Testing

/// Which hosts count as loopback: the scenario server listens only on these, and `record`
/// and `replay` warn when they listen anywhere else.
struct LoopbackHostTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.2", "127.255.255.254", "localhost", "::1", "[::1]"])
    func loopbackHosts(host: String) {
        #expect(LoopbackHost.contains(host))
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.10", "::", "128.0.0.1", "127.0.0", "127.0.0.256", "127.0.0.1.5", "127.0.0.01x", "example.test"])
    func otherHostsAreNotLoopback(host: String) {
        #expect(!LoopbackHost.contains(host))
    }
}
