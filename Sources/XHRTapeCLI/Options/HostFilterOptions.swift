import ArgumentParser
import Proxy

/// `--only-host` and `--ignore-host`: which requests are the cassette's; shared by `record`
/// and `replay`.
struct HostFilterOptions: ParsableArguments {
    @Option(name: .customLong("only-host"),
            help: ArgumentHelp("Only requests to this host are the cassette's (repeatable). Forms: api.example.test (and the hosts under it), *.example.test (only those under it), 127.0.0.1, [::1], *, each optionally :PORT.",
                               valueName: "pattern"))
    var onlyHosts: [String] = []

    @Option(name: .customLong("ignore-host"),
            help: ArgumentHelp("Requests to this host are not the cassette's (repeatable; wins over --only-host). Same forms as --only-host.",
                               valueName: "pattern"))
    var ignoredHosts: [String] = []

    /// The filter the patterns make.
    var filter: HostFilter {
        get throws {
            do throws(ProxyError) {
                return HostFilter(only: try onlyHosts.map(HostPattern.init), ignored: try ignoredHosts.map(HostPattern.init))
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    func validate() throws {
        _ = try filter
    }
}
