import COpenSSL

/// An owned OpenSSL private key (`EVP_PKEY *`), freed when this value is destroyed.
struct OpenSSLKey: ~Copyable {
    /// The `EVP_PKEY *`; valid for as long as this value lives.
    let pointer: OpaquePointer

    private init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(self.pointer)
    }

    /// Generates a fresh EC key on P-256 (prime256v1, named-curve encoding).
    ///
    /// - Throws: ``TLSError/Code/keyGeneration`` with OpenSSL's reason.
    static func generateP256() throws(TLSError) -> OpenSSLKey {
        OpenSSLErrorQueue.clear()
        guard let key = copenssl_EVP_EC_gen_P256() else {
            throw TLSError.openSSL(.keyGeneration, """
                OpenSSL could not generate an EC P-256 key. Check that the OpenSSL 3 default \
                provider is available (OPENSSL_CONF / OPENSSL_MODULES).
                """)
        }
        return OpenSSLKey(taking: key)
    }

    /// Parses an unencrypted private key from PEM (PKCS#8 `PRIVATE KEY`, or the traditional
    /// `EC PRIVATE KEY` / `RSA PRIVATE KEY` forms).
    ///
    /// - Parameter pem: The PEM text; text around the PEM block is ignored.
    /// - Throws: ``TLSError/Code/invalidPEM`` if no key can be read, including encrypted keys.
    init(pem: String) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        let bio = try MemoryBIO(copying: pem)
        // The callback refuses to supply a passphrase, so an encrypted key fails instead of
        // OpenSSL's default prompting on the terminal.
        guard let key = PEM_read_bio_PrivateKey(bio.pointer, nil, { _, _, _, _ in -1 }, nil) else {
            let encrypted = pem.contains("ENCRYPTED")
            throw TLSError.openSSL(.invalidPEM, encrypted
                ? """
                  The private key PEM is encrypted; xhrtape needs an unencrypted key. Decrypt it \
                  with `openssl pkey -in ca-key.pem -out ca-key.plain.pem` and keep the result mode 0600.
                  """
                : """
                  The private key text is not a PEM private key (expected a "-----BEGIN PRIVATE KEY-----" \
                  block). Pass the key file's contents, not its path or the certificate.
                  """)
        }
        self.init(taking: key)
    }

    /// The key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    ///
    /// - Throws: ``TLSError/Code/io`` if OpenSSL cannot encode it.
    func pem() throws(TLSError) -> String {
        OpenSSLErrorQueue.clear()
        let bio = try MemoryBIO()
        guard PEM_write_bio_PrivateKey(bio.pointer, self.pointer, nil, nil, 0, nil, nil) == 1 else {
            throw TLSError.openSSL(.io, "OpenSSL could not encode the private key as PEM.")
        }
        return bio.contents
    }

    /// The digest to sign certificates with: SHA-256, or none for keys that hash internally
    /// (Ed25519, Ed448).
    var signatureDigest: OpaquePointer? {
        switch EVP_PKEY_get_base_id(self.pointer) {
        case EVP_PKEY_ED25519, EVP_PKEY_ED448: return nil
        default: return EVP_sha256()
        }
    }
}
