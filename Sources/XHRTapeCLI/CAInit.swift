import ArgumentParser
import TapeTLS

/// `xhrtape ca init`: creates the local CA.
struct CAInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the local CA (EC P-256, valid 10 years). Refuses to replace an existing one without --force."
    )

    @OptionGroup var authority: CertificateAuthorityOptions

    @Flag(help: "Replace an existing CA. Clients that trusted the old one must be told to trust the new one.")
    var force = false

    func run() throws {
        let directory = authority.resolvedDirectory
        guard force || !authority.exists else {
            throw ValidationError("A CA already exists in \(directory). Keep using it (`xhrtape ca export`), or pass --force to replace it.")
        }
        let created = try CertificateAuthority.generate(commonName: CertificateAuthorityOptions.commonName)
        try created.write(to: directory, overwrite: force)
        print("Created the xhrtape CA in \(directory)")
        print("certificate: \(authority.certificatePath)")
        print("private key: \(directory)/\(CertificateAuthority.privateKeyFileName) (mode 0600)")
        print("Run `xhrtape ca export` for how to make clients trust it.")
    }
}
