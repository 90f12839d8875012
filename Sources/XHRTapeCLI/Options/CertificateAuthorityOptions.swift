import ArgumentParser
import Foundation
import TapeTLS

/// Where the local certificate authority lives; shared by `ca`, `record` and `replay`.
///
/// The default is `$XHRTAPE_HOME/ca` when `XHRTAPE_HOME` is set, else
/// `$XDG_DATA_HOME/xhrtape/ca`, else `~/.local/share/xhrtape/ca`: outside any repository,
/// so the private key is never committed by accident.
struct CertificateAuthorityOptions: ParsableArguments {
    @Option(name: .customLong("ca-dir"),
            help: "Directory of the local CA (ca.pem, ca-key.pem). Default: $XHRTAPE_HOME/ca, else $XDG_DATA_HOME/xhrtape/ca, else ~/.local/share/xhrtape/ca.",
            completion: .directory)
    var directory: String?

    /// The directory to use: `--ca-dir`, or the default.
    var resolvedDirectory: String {
        if let directory { return directory }
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["XHRTAPE_HOME"], !home.isEmpty { return home + "/ca" }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/xhrtape/ca" }
        return FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share/xhrtape/ca"
    }

    /// The path of the CA certificate (PEM).
    var certificatePath: String { resolvedDirectory + "/" + CertificateAuthority.certificateFileName }

    /// The CA in the directory, created (with a message on standard error) if there is none yet.
    func loadOrCreate() throws -> CertificateAuthority {
        let directory = resolvedDirectory
        let keyPath = directory + "/" + CertificateAuthority.privateKeyFileName
        if FileManager.default.fileExists(atPath: certificatePath) || FileManager.default.fileExists(atPath: keyPath) {
            return try CertificateAuthority.load(from: directory)
        }
        let authority = try CertificateAuthority.generate(commonName: CertificateAuthorityOptions.commonName)
        try authority.write(to: directory)
        FileHandle.standardError.write(Data("""
            Created the xhrtape certificate authority in \(directory) (key mode 0600) to intercept HTTPS.
            Clients must trust \(certificatePath): run `xhrtape ca export` for how.

            """.utf8))
        return authority
    }

    /// True when the directory holds a CA certificate.
    var exists: Bool { FileManager.default.fileExists(atPath: certificatePath) }

    /// The subject common name of CAs xhrtape creates.
    static let commonName = "xhrtape local CA"
}
