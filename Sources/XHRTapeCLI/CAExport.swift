import ArgumentParser
import TapeTLS

/// `xhrtape ca export`: prints the CA certificate and how to make clients trust it.
struct CAExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the CA certificate (PEM) and how to make curl, Chromium and Python trust it.",
        discussion: "With --pem-only, only the PEM is printed (e.g. `xhrtape ca export --pem-only > xhrtape-ca.pem`)."
    )

    @OptionGroup var authority: CertificateAuthorityOptions

    @Flag(help: "Print only the PEM certificate.")
    var pemOnly = false

    func run() throws {
        guard authority.exists else {
            throw ValidationError("No CA in \(authority.resolvedDirectory) yet. Create it with `xhrtape ca init`.")
        }
        let ca = try CertificateAuthority.load(from: authority.resolvedDirectory)
        print(ca.certificatePEM, terminator: ca.certificatePEM.hasSuffix("\n") ? "" : "\n")
        guard !pemOnly else { return }
        let path = authority.certificatePath
        print("""

            # How to trust this CA (file: \(path))
            # curl:
            #   curl --cacert \(path) -x http://127.0.0.1:8080 https://example.test/
            # Chromium / Chrome (this CA only, no system change; SPKI SHA-256 of the CA key):
            #   chromium --proxy-server=http://127.0.0.1:8080 --ignore-certificate-errors-spki-list=\(ca.spkiSHA256Base64)
            #   (for servers on 127.0.0.1 or localhost add --proxy-bypass-list='<-loopback>': Chromium
            #   otherwise sends loopback traffic around the proxy)
            # Chromium via the NSS database (persistent, per user):
            #   certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "xhrtape local CA" -i \(path)
            # Python requests / pip:
            #   REQUESTS_CA_BUNDLE=\(path) HTTPS_PROXY=http://127.0.0.1:8080 python app.py
            # Node.js:
            #   NODE_EXTRA_CA_CERTS=\(path) HTTPS_PROXY=http://127.0.0.1:8080 node app.js
            """)
    }
}
