import ScenarioServer

extension ScenarioServer {
    /// Runs `body` against a fresh server on 127.0.0.1 and shuts the server down after.
    static func withRunning<T>(tls: Bool = false, _ body: (ScenarioServer) async throws -> T) async throws -> T {
        let server = try await ScenarioServer.start(Configuration(tlsPort: tls ? 0 : nil))
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
