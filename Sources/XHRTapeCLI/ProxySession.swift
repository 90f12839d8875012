import Cassette
import Foundation
import Proxy

/// Runs a proxy in the foreground until a signal or the duration, then closes the cassette.
enum ProxySession {
    static func run(_ configuration: ProxyConfiguration, cassette: Cassette?, listen: ProxyListenOptions, what: String) async throws {
        if !["127.0.0.1", "::1", "localhost"].contains(configuration.host) {
            FileHandle.standardError.write(Data("warning: listening on \(configuration.host), not loopback: anyone who can reach it can use the proxy and read the recordings.\n".utf8))
        }
        let proxy = try await ProxyServer.start(configuration)
        print("\(what) proxy listening on \(proxy.url)")
        print("Point a client at it, e.g. curl -x \(proxy.url) http://…  Ctrl-C stops.")
        fflush(nil)  // scripts read the address from a pipe
        await StopSignal.wait(timeoutSeconds: listen.duration)
        await proxy.shutdown()
        if let cassette {
            let count = try cassette.exchangeCount()
            try cassette.close()
            print("\(what) proxy stopped; the cassette holds \(count) exchange\(count == 1 ? "" : "s").")
        } else {
            print("\(what) proxy stopped.")
        }
    }
}
