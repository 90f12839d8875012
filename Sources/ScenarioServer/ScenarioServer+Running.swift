public import Logging

extension ScenarioServer {
    /// Runs `body` against a freshly started server and shuts the server down afterwards,
    /// whether `body` returns or throws.
    public static func withRunning<T>(
        _ configuration: Configuration = Configuration(tlsPort: nil),
        logger: Logger = Logger(label: "xhrtape.scenarios"),
        _ body: (ScenarioServer) async throws -> T
    ) async throws -> T {
        let server = try await ScenarioServer.start(configuration, logger: logger)
        do {
            let result = try await body(server)
            try await server.shutdown()
            return result
        } catch {
            try? await server.shutdown()
            throw error
        }
    }
}
