import ArgumentParser

/// `xhrtape ca path`: prints where the CA certificate is.
struct CAPath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the path of the CA certificate (PEM), e.g. for curl --cacert \"$(xhrtape ca path)\"."
    )

    @OptionGroup var authority: CertificateAuthorityOptions

    func run() throws {
        let path = authority.certificatePath
        guard authority.exists else {
            throw ValidationError("No CA at \(path) yet. Create it with `xhrtape ca init` (record and replay also create it on first use).")
        }
        print(path)
    }
}
