import ArgumentParser

/// `xhrtape ca`: the local certificate authority that signs the certificates the proxy
/// presents for HTTPS hosts.
struct CA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: "Manage the local certificate authority used to intercept HTTPS.",
        discussion: """
            The CA lives in $XHRTAPE_HOME/ca, else $XDG_DATA_HOME/xhrtape/ca, else ~/.local/share/xhrtape/ca \
            (or --ca-dir): ca.pem (the certificate) and ca-key.pem (the private key, mode 0600). \
            `record` and `replay` create it on first use. Anyone with the key can impersonate any site to \
            clients that trust the CA: keep it out of repositories.
            """,
        subcommands: [CAInit.self, CAPath.self, CAExport.self]
    )
}
