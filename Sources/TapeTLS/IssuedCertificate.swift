/// A TLS server certificate issued by a ``CertificateAuthority``, with its private key.
///
/// Feed ``chainPEM`` and ``privateKeyPEM`` to a TLS server (for example NIOSSL's
/// `NIOSSLCertificate.fromPEMBytes` and `NIOSSLPrivateKey(bytes:format: .pem)`).
public struct IssuedCertificate: Sendable {
    /// The leaf certificate alone, PEM.
    public let certificatePEM: String
    /// The leaf's unencrypted EC P-256 private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    public let privateKeyPEM: String
    /// The leaf then the CA certificate, PEM, in the order a server sends them.
    public let chainPEM: String

    init(certificatePEM: String, privateKeyPEM: String, chainPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
        self.chainPEM = chainPEM
    }
}
