import Proxy
import Testing

/// A configuration out of range is refused before anything listens, with a message naming the value.
struct ProxyConfigurationTests {
    enum OutOfRange: String, CaseIterable {
        case port, maxRequestHeadBytes, maxBufferedResponseBytes, eventLoopCount

        func apply(to configuration: inout ProxyConfiguration) {
            switch self {
            case .port: configuration.port = 70_000
            case .maxRequestHeadBytes: configuration.maxRequestHeadBytes = 10
            case .maxBufferedResponseBytes: configuration.maxBufferedResponseBytes = 0
            case .eventLoopCount: configuration.eventLoopCount = 0
            }
        }
    }

    @Test(arguments: OutOfRange.allCases)
    func anOutOfRangeValueIsRefused(_ value: OutOfRange) async {
        var configuration = ProxyConfiguration(mode: .passthrough)
        value.apply(to: &configuration)
        do {
            let proxy = try await ProxyServer.start(configuration)
            await proxy.shutdown()
            Issue.record("\(value): the proxy started")
        } catch {
            #expect(error.code == .invalidConfiguration, "\(value)")
            let named = value == .port ? "port" : value.rawValue
            #expect(error.message.contains(named), "\(value): \(error.message)")
        }
    }

    @Test func theDefaultLeavesACoreForTheTransportThreads() {
        #expect(ProxyConfiguration(mode: .passthrough).eventLoopCount == ProxyConfiguration.defaultEventLoopCount)
        #expect(ProxyConfiguration.defaultEventLoopCount >= 1)
    }
}
