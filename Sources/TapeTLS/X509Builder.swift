import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds and signs one X.509 v3 certificate for the local CA: either the CA itself or a TLS
/// server leaf.
///
/// Every certificate gets a random positive 128-bit serial, `notBefore` one hour in the past
/// (tolerating clock skew between this machine and a client) and `notAfter` exactly
/// ``validityDays`` after `notBefore`.
struct X509Builder {
    /// Which extensions the certificate carries.
    enum Profile {
        /// basicConstraints critical CA:TRUE, pathlen:0; keyUsage critical keyCertSign, cRLSign;
        /// subjectKeyIdentifier.
        case certificateAuthority
        /// basicConstraints critical CA:FALSE; keyUsage critical digitalSignature;
        /// extendedKeyUsage serverAuth; subjectAltName; subject and authority key identifiers.
        case serverLeaf(subjectAltNames: [SubjectAltName])
    }

    /// The subject's common name, or `nil` for an empty subject (only valid for a leaf, whose
    /// subjectAltName is then marked critical as RFC 5280 §4.2.1.6 requires).
    var commonName: String?
    var profile: Profile
    /// Days from `notBefore` to `notAfter`.
    var validityDays: Int

    /// Builds a self-signed certificate for `key`.
    func selfSigned(key: borrowing OpenSSLKey) throws(TLSError) -> OpenSSLCertificate {
        try self.build(subjectKey: key.pointer, issuer: nil, issuerKey: key)
    }

    /// Builds a certificate for `subjectKey`, issued and signed by `issuer` with `issuerKey`.
    func signed(
        subjectKey: borrowing OpenSSLKey,
        issuer: borrowing OpenSSLCertificate,
        issuerKey: borrowing OpenSSLKey
    ) throws(TLSError) -> OpenSSLCertificate {
        try self.build(subjectKey: subjectKey.pointer, issuer: issuer.pointer, issuerKey: issuerKey)
    }

    /// - Parameter issuer: The issuer's `X509 *`, or `nil` for self-signed.
    private func build(
        subjectKey: OpaquePointer,
        issuer: OpaquePointer?,
        issuerKey: borrowing OpenSSLKey
    ) throws(TLSError) -> OpenSSLCertificate {
        OpenSSLErrorQueue.clear()
        guard let x509 = X509_new() else {
            throw TLSError.openSSL(.certificateCreation, "OpenSSL could not allocate a certificate (out of memory?).")
        }
        let certificate = OpenSSLCertificate(taking: x509)

        guard X509_set_version(x509, Int(X509_VERSION_3)) == 1 else {
            throw self.failure("set the certificate version to v3")
        }
        try self.setRandomSerial(x509)
        try self.setNames(x509, issuer: issuer)
        try self.setValidity(x509)
        guard X509_set_pubkey(x509, subjectKey) == 1 else {
            throw self.failure("set the certificate's public key")
        }
        try self.addExtensions(x509, issuer: issuer ?? x509)
        guard X509_sign(x509, issuerKey.pointer, issuerKey.signatureDigest) > 0 else {
            throw self.failure("sign the certificate")
        }
        return certificate
    }

    private func failure(_ step: String) -> TLSError {
        TLSError.openSSL(.certificateCreation, "OpenSSL could not \(step) for \"\(self.commonName ?? "")\".")
    }

    private func setRandomSerial(_ x509: OpaquePointer) throws(TLSError) {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard bytes.withUnsafeMutableBufferPointer({ RAND_bytes($0.baseAddress, Int32($0.count)) }) == 1 else {
            throw self.failure("draw random bytes for the serial number")
        }
        bytes[0] &= 0x7F  // positive, so DER needs no leading zero and it stays 128 bits
        if bytes.allSatisfy({ $0 == 0 }) { bytes[15] = 1 }  // serial 0 is not allowed
        guard let serial = BN_bin2bn(bytes, Int32(bytes.count), nil) else {
            throw self.failure("convert the serial number")
        }
        defer { BN_free(serial) }
        guard BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x509)) != nil else {
            throw self.failure("set the serial number")
        }
    }

    private func setNames(_ x509: OpaquePointer, issuer: OpaquePointer?) throws(TLSError) {
        guard let subject = X509_NAME_new() else { throw self.failure("allocate the subject name") }
        defer { X509_NAME_free(subject) }
        if let commonName = self.commonName {
            let bytes = Array(commonName.utf8)
            guard X509_NAME_add_entry_by_NID(subject, NID_commonName, copenssl_MBSTRING_UTF8(), bytes, Int32(bytes.count), -1, 0) == 1 else {
                throw TLSError.openSSL(.certificateCreation, """
                    OpenSSL rejected "\(commonName)" as a common name; use 1 to 64 characters.
                    """)
            }
        }
        guard X509_set_subject_name(x509, subject) == 1 else { throw self.failure("set the subject name") }
        let issuerName = issuer.map { X509_get_subject_name($0) } ?? subject
        guard X509_set_issuer_name(x509, issuerName) == 1 else { throw self.failure("set the issuer name") }
    }

    private func setValidity(_ x509: OpaquePointer) throws(TLSError) {
        // One clock reading for both ends, so notAfter - notBefore is exactly validityDays.
        var now = time(nil)
        guard X509_time_adj_ex(X509_getm_notBefore(x509), 0, -3600, &now) != nil,
              X509_time_adj_ex(X509_getm_notAfter(x509), Int32(self.validityDays), -3600, &now) != nil
        else {
            throw self.failure("set the validity period of \(self.validityDays) days")
        }
    }

    private func addExtensions(_ x509: OpaquePointer, issuer: OpaquePointer) throws(TLSError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, x509, nil, nil, 0)
        switch self.profile {
        case .certificateAuthority:
            try self.add(NID_basic_constraints, "critical,CA:TRUE,pathlen:0", to: x509, context: &context)
            try self.add(NID_key_usage, "critical,keyCertSign,cRLSign", to: x509, context: &context)
            try self.add(NID_subject_key_identifier, "hash", to: x509, context: &context)
        case .serverLeaf(let subjectAltNames):
            try self.add(NID_basic_constraints, "critical,CA:FALSE", to: x509, context: &context)
            try self.add(NID_key_usage, "critical,digitalSignature", to: x509, context: &context)
            try self.add(NID_ext_key_usage, "serverAuth", to: x509, context: &context)
            try self.addSubjectAltNames(subjectAltNames, to: x509)
            try self.add(NID_subject_key_identifier, "hash", to: x509, context: &context)
            try self.add(NID_authority_key_identifier, "keyid:always", to: x509, context: &context)
        }
    }

    /// Adds an extension written in OpenSSL's configuration syntax. Only fixed strings from this
    /// file go through it; host names never do (see ``addSubjectAltNames(_:to:)``).
    private func add(_ nid: Int32, _ value: String, to x509: OpaquePointer, context: inout X509V3_CTX) throws(TLSError) {
        guard let extensionValue = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw self.failure("create the \(String(cString: OBJ_nid2sn(nid))) extension \"\(value)\"")
        }
        defer { X509_EXTENSION_free(extensionValue) }
        guard X509_add_ext(x509, extensionValue, -1) == 1 else {
            throw self.failure("add the \(String(cString: OBJ_nid2sn(nid))) extension")
        }
    }

    /// Adds subjectAltName from typed GENERAL_NAME values, so a host can never inject other
    /// entries the way "DNS:a,IP:…" text could.
    private func addSubjectAltNames(_ subjectAltNames: [SubjectAltName], to x509: OpaquePointer) throws(TLSError) {
        guard let names = copenssl_GENERAL_NAMES_new_null() else { throw self.failure("allocate the subjectAltName list") }
        defer { GENERAL_NAMES_free(names) }
        for subjectAltName in subjectAltNames {
            let name = try self.makeGeneralName(subjectAltName)
            guard copenssl_GENERAL_NAMES_push(names, name) > 0 else {
                GENERAL_NAME_free(name)
                throw self.failure("add \(subjectAltName.commonName) to the subjectAltName list")
            }
        }
        let critical: Int32 = self.commonName == nil ? 1 : 0
        guard X509_add1_ext_i2d(x509, NID_subject_alt_name, UnsafeMutableRawPointer(names), critical, UInt(X509V3_ADD_DEFAULT)) == 1 else {
            throw self.failure("add the subjectAltName extension")
        }
    }

    /// A new GENERAL_NAME owned by the caller.
    private func makeGeneralName(_ subjectAltName: SubjectAltName) throws(TLSError) -> UnsafeMutablePointer<GENERAL_NAME> {
        let type: Int32
        let bytes: [UInt8]
        switch subjectAltName {
        case .dns(let host): (type, bytes) = (GEN_DNS, Array(host.utf8))
        case .ipAddress(let address, _): (type, bytes) = (GEN_IPADD, address)
        }
        // dNSName is an IA5String, iPAddress an OCTET STRING; both are ASN1_STRINGs of that type.
        guard let value = ASN1_STRING_type_new(type == GEN_DNS ? V_ASN1_IA5STRING : V_ASN1_OCTET_STRING) else {
            throw self.failure("allocate a subjectAltName entry")
        }
        guard ASN1_STRING_set(value, bytes, Int32(bytes.count)) == 1, let name = GENERAL_NAME_new() else {
            ASN1_STRING_free(value)
            throw self.failure("fill the subjectAltName entry \(subjectAltName.commonName)")
        }
        GENERAL_NAME_set0_value(name, type, UnsafeMutableRawPointer(value))
        return name
    }
}
