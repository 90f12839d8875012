import ScenarioServer

extension ScenarioServer {
    static func withRunningServer<T>(_ body: (ScenarioServer) async throws -> T) async throws -> T {
        let server = try await ScenarioServer.start(Configuration(tlsPort: nil))
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
