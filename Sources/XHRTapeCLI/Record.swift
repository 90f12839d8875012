import ArgumentParser
import Cassette
import Proxy
import TapeCore

/// `xhrtape record`: a forward proxy that records every exchange, with chunk timing, into a cassette.
struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record HTTP traffic through a forward proxy into a cassette, with the arrival time of every chunk.",
        discussion: """
            Record modes (as in VCR): once — record only into an empty cassette, else replay; \
            new — replay what is recorded, record the rest; all — always record (default); \
            none — replay only; passthrough — forward without recording. HTTPS (CONNECT) is not supported yet.
            """
    )

    @OptionGroup var cassette: CassettePathOption
    @OptionGroup var listen: ProxyListenOptions

    @Option(help: "Record mode: once, new, all, none or passthrough.")
    var mode: RecordMode = .all

    @Option(help: "Timing for exchanges replayed from the cassette: original, instant, scaled:K, fixed:MS.")
    var timing: TimingMode = .original

    func run() async throws {
        let store = try Cassette(path: cassette.cassette)
        let configuration = ProxyConfiguration(
            host: listen.host, port: listen.port, mode: .record(cassette: store, recordMode: mode, timing: timing))
        try await ProxySession.run(configuration, cassette: store, listen: listen, what: "Recording")
    }
}
