import COpenSSL

/// An owned OpenSSL certificate (`X509 *`), freed when this value is destroyed.
struct OpenSSLCertificate: ~Copyable {
    /// The `X509 *`; valid for as long as this value lives.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_free(self.pointer)
    }

    /// Parses the first certificate in `pem`.
    ///
    /// - Parameter pem: PEM text with a `-----BEGIN CERTIFICATE-----` block; text around it is ignored.
    /// - Throws: ``TLSError/Code/invalidPEM`` if no certificate can be read.
    init(pem: String) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        let bio = try MemoryBIO(copying: pem)
        guard let certificate = PEM_read_bio_X509(bio.pointer, nil, nil, nil) else {
            throw TLSError.openSSL(.invalidPEM, """
                The certificate text is not a PEM certificate (expected a "-----BEGIN CERTIFICATE-----" \
                block). Pass the certificate file's contents, not its path or the private key.
                """)
        }
        self.init(taking: certificate)
    }

    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`).
    ///
    /// - Throws: ``TLSError/Code/io`` if OpenSSL cannot encode it.
    func pem() throws(TLSError) -> String {
        OpenSSLErrorQueue.clear()
        let bio = try MemoryBIO()
        guard PEM_write_bio_X509(bio.pointer, self.pointer) == 1 else {
            throw TLSError.openSSL(.io, "OpenSSL could not encode the certificate as PEM.")
        }
        return bio.contents
    }

    /// The subject as a one-line distinguished name (`/CN=…`), for messages.
    var subjectText: String {
        guard let name = X509_get_subject_name(self.pointer) else { return "(no subject)" }
        var buffer = [CChar](repeating: 0, count: 512)
        return buffer.withUnsafeMutableBufferPointer { pointer in
            guard X509_NAME_oneline(name, pointer.baseAddress, Int32(pointer.count)) != nil else { return "(unprintable subject)" }
            return String(cString: pointer.baseAddress!)
        }
    }

    /// Whether the certificate may issue others: `basicConstraints CA:TRUE`, and `keyCertSign`
    /// among its key usages if it has a keyUsage extension.
    var isCertificateAuthority: Bool {
        // X509_get_extension_flags also caches the parsed extensions; EXFLAG_INVALID marks
        // extensions OpenSSL could not parse.
        let flags = X509_get_extension_flags(self.pointer)
        guard flags & UInt32(EXFLAG_INVALID) == 0, flags & UInt32(EXFLAG_CA) != 0 else { return false }
        return X509_get_key_usage(self.pointer) & UInt32(KU_KEY_CERT_SIGN) != 0
    }

    /// Whether `key` is the private half of this certificate's public key.
    func isMatched(by key: borrowing OpenSSLKey) -> Bool {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }  // a mismatch leaves an entry we report ourselves
        return X509_check_private_key(self.pointer, key.pointer) == 1
    }

    /// base64(SHA-256(DER SubjectPublicKeyInfo)): the pin format of Chromium's
    /// `--ignore-certificate-errors-spki-list` and of HPKP.
    ///
    /// - Throws: ``TLSError/Code/invalidPEM`` if the public key cannot be encoded.
    func publicKeySHA256Base64() throws(TLSError) -> String {
        OpenSSLErrorQueue.clear()
        let publicKey = X509_get_X509_PUBKEY(self.pointer)
        let length = i2d_X509_PUBKEY(publicKey, nil)
        guard length > 0 else {
            throw TLSError.openSSL(.invalidPEM, "OpenSSL could not encode the certificate's public key (\(self.subjectText)).")
        }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_X509_PUBKEY(publicKey, &cursor)
        }
        guard written == length else {
            throw TLSError.openSSL(.invalidPEM, "OpenSSL could not encode the certificate's public key (\(self.subjectText)).")
        }

        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var digestLength: UInt32 = 0
        let hashed = digest.withUnsafeMutableBufferPointer { digestBuffer in
            der.withUnsafeBytes { derBuffer in
                EVP_Digest(derBuffer.baseAddress, derBuffer.count, digestBuffer.baseAddress, &digestLength, EVP_sha256(), nil)
            }
        }
        guard hashed == 1, digestLength == 32 else {
            throw TLSError.openSSL(.invalidPEM, "OpenSSL could not compute SHA-256 of the public key.")
        }

        // EVP_EncodeBlock writes 4 characters per 3 input bytes plus a terminating NUL, no newlines.
        var base64 = [UInt8](repeating: 0, count: (Int(digestLength) + 2) / 3 * 4 + 1)
        let encodedLength = base64.withUnsafeMutableBufferPointer { output in
            digest.withUnsafeBufferPointer { input in
                EVP_EncodeBlock(output.baseAddress, input.baseAddress, Int32(digestLength))
            }
        }
        return String(decoding: base64.prefix(Int(encodedLength)), as: UTF8.self)
    }
}
