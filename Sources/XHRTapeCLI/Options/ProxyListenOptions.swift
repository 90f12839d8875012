import ArgumentParser

/// Where the proxy listens and for how long; shared by `record` and `replay`.
struct ProxyListenOptions: ParsableArguments {
    @Option(help: "Address to listen on. Keep it on loopback unless you mean to expose recordings.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one; the address is printed at start).")
    var port = 8080

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C or SIGTERM).")
    var duration: Int?

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port).")
        }
        if let duration, duration <= 0 {
            throw ValidationError("--duration must be a positive number of seconds, got \(duration).")
        }
    }
}
