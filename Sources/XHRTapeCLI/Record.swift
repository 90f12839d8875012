import ArgumentParser
import Cassette
import CurlTransport
import Proxy
import TapeCore

/// `xhrtape record`: a forward proxy that records every exchange, with chunk timing, into a cassette.
struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record HTTP traffic through a forward proxy into a cassette, with the arrival time of every chunk.",
        discussion: """
            Record modes (as in VCR): once — record only into an empty cassette, else replay; \
            new — replay what is recorded, record the rest; all — always record (default); \
            none — replay only; passthrough — forward without recording. The modes that replay match \
            requests by method and URL, or as --match-body, --match-header, --ignore-query-param and \
            --ignore-query-order say.

            HTTPS: clients send CONNECT host:port; the proxy terminates TLS with a certificate for that \
            host signed by the local CA (see `xhrtape ca`; created on first use) and records the requests \
            inside as https://host:port/… exchanges. Clients must trust the CA (`xhrtape ca export`). \
            Upstream certificates are verified against the system store (plus --upstream-ca) unless \
            --insecure-upstream. WebSocket upgrades are refused with 501.

            Host filter: with --only-host or --ignore-host, requests outside the filter (a browser's \
            update and sync traffic, say) are forwarded upstream and not recorded, in every record mode; \
            their log lines say passed-through. Their CONNECT tunnels are still intercepted.

            The first output line is `listening HOST:PORT`; Ctrl-C or SIGTERM stops accepting, lets \
            exchanges in flight finish (up to --drain-seconds) and closes the cassette.
            """
    )

    @OptionGroup var cassette: CassettePathOption
    @OptionGroup var listen: ProxyListenOptions
    @OptionGroup var authority: CertificateAuthorityOptions
    @OptionGroup var upstream: UpstreamTLSOptions
    @OptionGroup var hosts: HostFilterOptions
    @OptionGroup var matching: MatchingOptions

    @Option(help: "Record mode: once, new, all, none or passthrough.")
    var mode: RecordMode = .all

    @Option(help: "Timing for exchanges replayed from the cassette: original, instant, scaled:K, fixed:MS.")
    var timing: TimingMode = .original

    @Flag(help: "Exit with status 3 at the end if any request had no recording (modes that replay, such as none).")
    var failOnMiss = false

    func run() async throws {
        let store = try Cassette(path: cassette.cassette)
        var configuration = ProxyConfiguration(
            host: listen.host, port: listen.port, mode: .record(cassette: store, recordMode: mode, timing: timing, matching: matching.matchOptions()),
            certificateAuthority: try authority.loadOrCreate())
        configuration.upstream.tls = try upstream.trust()
        configuration.hostFilter = try hosts.filter
        try await ProxySession.run(configuration, cassette: store, listen: listen, what: "Recording", failOnMiss: failOnMiss)
    }
}
