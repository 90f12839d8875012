import Foundation
import TapeTLS

/// A fresh local CA for one test, with its certificate written to a file for `curl --cacert`.
struct TemporaryCertificateAuthority {
    let authority: CertificateAuthority
    /// The CA certificate's PEM file.
    let certificatePath: String

    init() throws {
        authority = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        certificatePath = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-ca-\(UUID().uuidString).pem").path
        try Data(authority.certificatePEM.utf8).write(to: URL(fileURLWithPath: certificatePath))
    }
}
