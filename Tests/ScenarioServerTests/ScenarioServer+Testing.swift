import ScenarioServer

extension ScenarioServer {
    /// Runs `body` against a fresh server on 127.0.0.1 (with its TLS listener when `tls`).
    static func withRunning<T>(tls: Bool, _ body: (ScenarioServer) async throws -> T) async throws -> T {
        try await withRunning(Configuration(tlsPort: tls ? 0 : nil), body)
    }
}
