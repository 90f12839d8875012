import ArgumentParser
import Cassette
import Proxy
import TapeCore

/// `xhrtape replay`: a proxy that answers only from a cassette, with the recorded timing.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve recorded responses with their chunk boundaries and timing. Never contacts upstream.",
        discussion: """
            Requests match recordings by method and URL; --match-body, --match-header, --ignore-query-param \
            and --ignore-query-order change that. A request with no recording gets status 598 with X-Xhrtape-Miss: 1 and a body naming the closest \
            recorded exchange; --fail-on-miss also makes the command exit with status 3 at the end. \
            HTTPS exchanges replay through CONNECT with the local CA's certificates, as when recording \
            (`xhrtape ca export` says how to trust it). WebSocket upgrades are refused with 501. \
            With --only-host or --ignore-host, a request outside the filter gets 598 with \
            X-Xhrtape-Excluded: 1 without a cassette lookup, and is not a miss for --fail-on-miss. \
            The first output line is `listening HOST:PORT`.
            """
    )

    @OptionGroup var cassette: CassettePathOption
    @OptionGroup var listen: ProxyListenOptions
    @OptionGroup var authority: CertificateAuthorityOptions
    @OptionGroup var hosts: HostFilterOptions
    @OptionGroup var matching: MatchingOptions

    @Option(help: "Timing: original (default), instant, scaled:K (K × the recorded gaps), fixed:MS.")
    var timing: TimingMode = .original

    @Flag(help: "Exit with status 3 at the end if any request had no recording.")
    var failOnMiss = false

    @Flag(help: "Once identical requests have used up their recordings, serve the last one again (default: answer 598).")
    var repeatLast = false

    func run() async throws {
        let store = try Cassette(path: cassette.cassette, access: .readOnly)
        var configuration = ProxyConfiguration(
            host: listen.host, port: listen.port,
            mode: .replay(cassette: store, timing: timing, matching: matching.matchOptions(whenExhausted: repeatLast ? .repeatLast : .fail)),
            certificateAuthority: try authority.loadOrCreate())
        configuration.hostFilter = try hosts.filter
        try await ProxySession.run(configuration, cassette: store, listen: listen, what: "Replaying", failOnMiss: failOnMiss)
    }
}
