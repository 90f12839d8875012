/// A local certificate authority that issues TLS server certificates for the hosts the proxy
/// intercepts.
///
/// The CA is an EC P-256 key with a self-signed X.509 v3 certificate restricted to signing
/// leaves (`pathlen:0`). It holds only PEM text, so it is a `Sendable` value that can be shared
/// freely; every operation parses what it needs and frees it before returning.
///
/// ```swift
/// let ca = try CertificateAuthority.generate(commonName: "xhrtape local CA")
/// try ca.write(to: "/home/me/.xhrtape/ca")
/// let leaf = try ca.issueLeaf(for: ["api.example.test", "127.0.0.1"])
/// // chrome --ignore-certificate-errors-spki-list=\(ca.spkiSHA256Base64)
/// ```
public struct CertificateAuthority: Sendable {
    /// The CA certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    public let certificatePEM: String
    /// The CA's unencrypted private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). Keep it secret.
    public let privateKeyPEM: String
    /// base64(SHA-256(DER SubjectPublicKeyInfo)) of the CA certificate: the value for Chromium's
    /// `--ignore-certificate-errors-spki-list`.
    ///
    /// Equal to the output of
    /// `openssl x509 -pubkey -noout -in ca.pem | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
    public let spkiSHA256Base64: String

    /// The most days a leaf may be valid: the CA/Browser Forum limit that browsers enforce.
    public static let maximumLeafValidityDays = 397

    /// Creates a new CA.
    ///
    /// The CA has an EC P-256 key and a self-signed X.509 v3 certificate with basicConstraints
    /// critical CA:TRUE, pathlen:0; keyUsage critical keyCertSign, cRLSign; a
    /// subjectKeyIdentifier; a random positive 128-bit serial; and `notBefore` one hour ago.
    ///
    /// - Parameters:
    ///   - commonName: The subject CN users see in certificate viewers; 1 to 64 characters.
    ///   - validityDays: Days from `notBefore` to `notAfter`; 1 to 36 500.
    /// - Returns: The new CA. Persist it with ``write(to:overwrite:)``.
    /// - Throws: ``TLSError`` with code ``TLSError/Code/invalidValidity``,
    ///   ``TLSError/Code/certificateCreation`` (including a bad common name) or
    ///   ``TLSError/Code/keyGeneration``.
    public static func generate(commonName: String, validityDays: Int = 3650) throws(TLSError) -> CertificateAuthority {
        guard (1...36_500).contains(validityDays) else {
            throw TLSError(code: .invalidValidity, message: """
                A CA validity of \(validityDays) days is out of range; pass 1 to 36500 days (the default is 3650).
                """)
        }
        guard !commonName.isEmpty, commonName.count <= 64 else {
            throw TLSError(code: .certificateCreation, message: """
                The CA common name "\(commonName)" has \(commonName.count) characters; X.509 allows 1 to 64. \
                Pass a short name such as "xhrtape local CA".
                """)
        }
        let key = try OpenSSLKey.generateP256()
        let builder = X509Builder(commonName: commonName, profile: .certificateAuthority, validityDays: validityDays)
        let certificate = try builder.selfSigned(key: key)
        return try CertificateAuthority(certificate: certificate, key: key)
    }

    /// Loads a CA from PEM text.
    ///
    /// The certificate must have basicConstraints CA:TRUE (and keyCertSign, if it has a keyUsage
    /// extension), and the key must be its private key. Both are stored re-encoded: the first
    /// certificate in `certificatePEM`, and the key as unencrypted PKCS#8.
    ///
    /// - Parameters:
    ///   - certificatePEM: Text with a `-----BEGIN CERTIFICATE-----` block.
    ///   - privateKeyPEM: Text with an unencrypted private key block (PKCS#8, EC or RSA).
    /// - Throws: ``TLSError`` with code ``TLSError/Code/invalidPEM``,
    ///   ``TLSError/Code/notACertificateAuthority`` or ``TLSError/Code/keyMismatch``.
    public init(certificatePEM: String, privateKeyPEM: String) throws(TLSError) {
        let certificate = try OpenSSLCertificate(pem: certificatePEM)
        let key = try OpenSSLKey(pem: privateKeyPEM)
        guard certificate.isCertificateAuthority else {
            throw TLSError(code: .notACertificateAuthority, message: """
                The certificate \(certificate.subjectText) is not a certificate authority: it lacks \
                basicConstraints CA:TRUE or the keyCertSign key usage. Pass the CA's certificate (ca.pem), \
                not a leaf, or generate a new CA with CertificateAuthority.generate(commonName:).
                """)
        }
        guard certificate.isMatched(by: key) else {
            throw TLSError(code: .keyMismatch, message: """
                The private key does not belong to the certificate \(certificate.subjectText). Pass the \
                key file written together with this certificate (ca-key.pem next to ca.pem).
                """)
        }
        try self.init(certificate: certificate, key: key)
    }

    private init(certificate: borrowing OpenSSLCertificate, key: borrowing OpenSSLKey) throws(TLSError) {
        self.certificatePEM = try certificate.pem()
        self.privateKeyPEM = try key.pem()
        self.spkiSHA256Base64 = try certificate.publicKeySHA256Base64()
    }

    /// Issues a TLS server certificate for `hosts`, with a fresh key.
    ///
    /// Each host becomes a subjectAltName entry: an IPv4 or IPv6 literal (brackets allowed)
    /// becomes an `IP` entry, anything else must be a DNS name (ASCII, optionally with a leading
    /// `*.` wildcard) and becomes a `DNS` entry; duplicates are dropped. The subject CN is the
    /// first host (left out if longer than 64 characters; subjectAltName is then critical).
    ///
    /// The leaf has an EC P-256 key; basicConstraints critical CA:FALSE; keyUsage critical
    /// digitalSignature; extendedKeyUsage serverAuth; subject and authority key identifiers;
    /// `notBefore` one hour ago and `notAfter` `validityDays` later.
    ///
    /// - Parameters:
    ///   - hosts: DNS names or IP literals, at least one, e.g. `["api.example.test", "127.0.0.1", "::1"]`.
    ///   - validityDays: 1 to ``maximumLeafValidityDays`` (397).
    /// - Returns: The leaf, its key, and the leaf-then-CA chain.
    /// - Throws: ``TLSError`` with code ``TLSError/Code/invalidHost``,
    ///   ``TLSError/Code/invalidValidity``, ``TLSError/Code/keyGeneration`` or
    ///   ``TLSError/Code/certificateCreation``.
    public func issueLeaf(for hosts: [String], validityDays: Int = 365) throws(TLSError) -> IssuedCertificate {
        guard !hosts.isEmpty else {
            throw TLSError(code: .invalidHost, message: """
                Cannot issue a certificate for an empty host list; pass at least one DNS name or IP \
                literal, e.g. ["localhost", "127.0.0.1"].
                """)
        }
        guard (1...Self.maximumLeafValidityDays).contains(validityDays) else {
            throw TLSError(code: .invalidValidity, message: """
                A leaf validity of \(validityDays) days is out of range; browsers reject server \
                certificates valid for more than \(Self.maximumLeafValidityDays) days. Pass 1 to \
                \(Self.maximumLeafValidityDays) (the default is 365).
                """)
        }
        var subjectAltNames: [SubjectAltName] = []
        for host in hosts {
            let subjectAltName = try SubjectAltName(host: host)
            if !subjectAltNames.contains(subjectAltName) {
                subjectAltNames.append(subjectAltName)
            }
        }
        let firstName = subjectAltNames[0].commonName
        let builder = X509Builder(
            commonName: firstName.count <= 64 ? firstName : nil,
            profile: .serverLeaf(subjectAltNames: subjectAltNames),
            validityDays: validityDays
        )

        let authorityCertificate = try OpenSSLCertificate(pem: self.certificatePEM)
        let authorityKey = try OpenSSLKey(pem: self.privateKeyPEM)
        let leafKey = try OpenSSLKey.generateP256()
        let leaf = try builder.signed(subjectKey: leafKey, issuer: authorityCertificate, issuerKey: authorityKey)
        let leafPEM = try leaf.pem()
        return IssuedCertificate(
            certificatePEM: leafPEM,
            privateKeyPEM: try leafKey.pem(),
            chainPEM: leafPEM + self.certificatePEM
        )
    }
}
