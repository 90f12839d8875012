import ArgumentParser
import Foundation
import Logging
import ScenarioServer

/// `xhrtape serve-scenarios`: runs the scenario server in the foreground for manual use.
struct ServeScenarios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-scenarios",
        abstract: "Run the built-in scenario server (trickles, redirects, resets, encodings …) on loopback.",
        discussion: "GET / on the server lists every scenario and its parameters. Stops on Ctrl-C, SIGTERM or after --duration."
    )

    @Option(help: "Loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Plain HTTP port (0 picks a free one).")
    var port = 8080

    @Option(help: "HTTPS port (0 picks a free one).")
    var tlsPort = 0

    @Flag(help: "Do not start the HTTPS listener.")
    var noTLS = false

    @Option(help: "Write the test certificate authority's PEM here, to pass to curl --cacert.")
    var caOut: String?

    @Option(help: "Stop after this many seconds (default: run until interrupted).")
    var duration: Int?

    func validate() throws {
        for (name, value) in [("--port", port), ("--tls-port", tlsPort)] where !(0...65_535).contains(value) {
            throw ValidationError("\(name) must be between 0 and 65535, got \(value).")
        }
        if let duration, duration <= 0 {
            throw ValidationError("--duration must be a positive number of seconds, got \(duration).")
        }
        if noTLS, caOut != nil {
            throw ValidationError("--ca-out needs the HTTPS listener; drop --no-tls.")
        }
    }

    func run() async throws {
        let server = try await ScenarioServer.start(
            ScenarioServer.Configuration(host: host, port: port, tlsPort: noTLS ? nil : tlsPort))
        print("Scenario server listening on \(server.url())")
        if let secure = server.tlsURL() {
            print("HTTPS on \(secure)")
        }
        if let caOut, let pem = server.certificateAuthorityPEM {
            try Data(pem.utf8).write(to: URL(fileURLWithPath: caOut))
            print("Test CA written to \(caOut) (curl --cacert \(caOut))")
        }
        print("GET \(server.url("/")) lists the scenarios. Ctrl-C stops.")
        fflush(nil)  // all streams: the lines above tell scripts where to connect: don't leave them in a pipe's buffer
        await StopSignal.wait(timeoutSeconds: duration)
        try await server.shutdown()
        print("Scenario server stopped.")
    }
}
