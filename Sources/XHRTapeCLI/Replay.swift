import ArgumentParser
import Cassette
import Proxy
import TapeCore

/// `xhrtape replay`: a proxy that answers only from a cassette, with the recorded timing.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve recorded responses with their chunk boundaries and timing. Never contacts upstream.",
        discussion: "A request with no recording gets status 598 with X-Xhrtape-Miss: 1 and a body naming the closest recorded exchange."
    )

    @OptionGroup var cassette: CassettePathOption
    @OptionGroup var listen: ProxyListenOptions

    @Option(help: "Timing: original (default), instant, scaled:K (K × the recorded gaps), fixed:MS.")
    var timing: TimingMode = .original

    func run() async throws {
        let store = try Cassette(path: cassette.cassette, access: .readOnly)
        let configuration = ProxyConfiguration(
            host: listen.host, port: listen.port, mode: .replay(cassette: store, timing: timing))
        try await ProxySession.run(configuration, cassette: store, listen: listen, what: "Replaying")
    }
}
