import ArgumentParser

/// Where the proxy listens, how it reports its address and how it stops; shared by
/// `record` and `replay`.
struct ProxyListenOptions: ParsableArguments {
    @Option(help: "Address to listen on. Keep it on loopback unless you mean to expose recordings.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one). The first line printed is `listening HOST:PORT`.")
    var port = 8080

    @Option(help: "Also write the bound port (a decimal number and a newline) to this file once listening.",
            completion: .file())
    var portFile: String?

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C or SIGTERM).")
    var duration: Int?

    @Option(help: "On Ctrl-C, SIGTERM or the end of --duration: stop accepting, then wait up to this many seconds for exchanges in flight before closing.")
    var drainSeconds = 5

    @Option(help: "Event loops serving client connections (default: one per core but one, at least one; on 2 cores one).")
    var eventLoops: Int?

    @Flag(help: "Log only warnings and errors, not one line per exchange.")
    var quiet = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port).")
        }
        if let duration, duration <= 0 {
            throw ValidationError("--duration must be a positive number of seconds, got \(duration).")
        }
        guard drainSeconds >= 0 else {
            throw ValidationError("--drain-seconds must be 0 or more, got \(drainSeconds).")
        }
        if let eventLoops, eventLoops < 1 {
            throw ValidationError("--event-loops must be 1 or more, got \(eventLoops).")
        }
    }
}
