import Foundation
import ScenarioServer
import Testing

/// The server's test CA written to a temporary file for curl's `--cacert`, removed on deinit.
final class TemporaryCAFile {
    let path: String

    init(_ server: ScenarioServer) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-ca-\(UUID()).pem")
        try Data(try #require(server.certificateAuthorityPEM).utf8).write(to: url)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
