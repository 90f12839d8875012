extension CertificateAuthority {
    /// The certificate's file name inside a CA directory (mode 0644).
    public static let certificateFileName = "ca.pem"
    /// The private key's file name inside a CA directory (mode 0600).
    public static let privateKeyFileName = "ca-key.pem"

    /// Writes the CA into `directory` as ``certificateFileName`` (mode 0644) and
    /// ``privateKeyFileName`` (mode 0600).
    ///
    /// The directory and any missing parents are created with mode 0700. The key file is
    /// created with mode 0600, so it is never readable by others, not even while it is being
    /// written. With `overwrite`, each file is written to a temporary file and renamed over the
    /// old one, so a reader sees either the old or the new file.
    ///
    /// - Parameters:
    ///   - directory: The CA directory, e.g. `~/.xhrtape/ca` (expanded by the caller).
    ///   - overwrite: Replace existing files instead of failing.
    /// - Throws: ``TLSError`` with code ``TLSError/Code/fileExists`` (nothing is written then)
    ///   or ``TLSError/Code/io``.
    public func write(to directory: String, overwrite: Bool = false) throws(TLSError) {
        let certificatePath = Self.path(directory, Self.certificateFileName)
        let keyPath = Self.path(directory, Self.privateKeyFileName)
        try SecureFile.createDirectory(directory)
        if !overwrite {
            let existing = [certificatePath, keyPath].filter(SecureFile.exists)
            guard existing.isEmpty else {
                throw TLSError(code: .fileExists, message: """
                    Refusing to overwrite \(existing.joined(separator: " and ")): a CA already exists there, \
                    and browsers that trust it would stop trusting new leaves. Load it with \
                    CertificateAuthority.load(from: "\(directory)"), remove the files, choose another \
                    directory, or pass overwrite: true.
                    """)
            }
        }
        // The key first: a certificate without its key is useless, a key alone is harmless.
        try SecureFile.write(self.privateKeyPEM, to: keyPath, mode: 0o600, overwrite: overwrite)
        do throws(TLSError) {
            try SecureFile.write(self.certificatePEM, to: certificatePath, mode: 0o644, overwrite: overwrite)
        } catch {
            if !overwrite { SecureFile.remove(keyPath) }  // we created it; leave no half CA behind
            throw error
        }
    }

    /// Loads a CA from a directory written by ``write(to:overwrite:)``.
    ///
    /// - Parameter directory: The directory holding ``certificateFileName`` and ``privateKeyFileName``.
    /// - Returns: The CA, checked as ``init(certificatePEM:privateKeyPEM:)`` checks it.
    /// - Throws: ``TLSError`` with code ``TLSError/Code/fileNotFound``,
    ///   ``TLSError/Code/insecureKeyFile`` (the key file is accessible to group or others; the
    ///   message gives the `chmod` to run), ``TLSError/Code/io``, or any code of
    ///   ``init(certificatePEM:privateKeyPEM:)``.
    public static func load(from directory: String) throws(TLSError) -> CertificateAuthority {
        let certificatePath = Self.path(directory, Self.certificateFileName)
        let keyPath = Self.path(directory, Self.privateKeyFileName)
        let missingAdvice = """
            Create a CA there with CertificateAuthority.generate(commonName:) and write(to: "\(directory)"), \
            or point to the directory that holds \(Self.certificateFileName) and \(Self.privateKeyFileName).
            """
        let certificatePEM = try SecureFile.read(certificatePath, privateKey: false, missingAdvice: missingAdvice)
        let privateKeyPEM = try SecureFile.read(keyPath, privateKey: true, missingAdvice: missingAdvice)
        return try CertificateAuthority(certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM)
    }

    private static func path(_ directory: String, _ fileName: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }
}
