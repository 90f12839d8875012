import COpenSSL
import Foundation

/// A certificate parsed with OpenSSL directly (not through TapeTLS), for checking TapeTLS output.
final class ParsedCertificate {
    /// The `X509 *`, freed on deinit.
    let pointer: OpaquePointer

    init?(pem: String) {
        let bytes = Array(pem.utf8)
        let certificate: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let certificate else { return nil }
        self.pointer = certificate
    }

    deinit {
        X509_free(self.pointer)
    }

    /// notAfter − notBefore, in seconds.
    var validitySeconds: Int {
        var days: Int32 = 0
        var seconds: Int32 = 0
        guard ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(self.pointer), X509_get0_notAfter(self.pointer)) == 1 else { return -1 }
        return Int(days) * 86_400 + Int(seconds)
    }

    /// notBefore − now, in seconds (negative: in the past).
    var notBeforeOffsetFromNow: Int {
        guard let now = ASN1_TIME_set(nil, time(nil)) else { return .min }
        defer { ASN1_STRING_free(now) }
        var days: Int32 = 0
        var seconds: Int32 = 0
        guard ASN1_TIME_diff(&days, &seconds, now, X509_get0_notBefore(self.pointer)) == 1 else { return .min }
        return Int(days) * 86_400 + Int(seconds)
    }

    /// The serial number's sign (-1, 0, 1) and size in bits.
    var serial: (sign: Int32, bits: Int32) {
        guard let number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(self.pointer), nil) else { return (0, 0) }
        defer { BN_free(number) }
        return (BN_is_negative(number) != 0 ? -1 : (BN_is_zero(number) != 0 ? 0 : 1), BN_num_bits(number))
    }

    /// Whether this certificate and `other` have the same serial number.
    func hasSameSerial(as other: ParsedCertificate) -> Bool {
        ASN1_INTEGER_cmp(X509_get0_serialNumber(self.pointer), X509_get0_serialNumber(other.pointer)) == 0
    }

    /// Checks this certificate as a TLS server certificate for `host` with `X509_verify_cert`,
    /// trusting only `authority`.
    ///
    /// - Returns: `X509_V_OK` (0) on success, otherwise the `X509_V_ERR_…` code.
    func verify(trusting authority: ParsedCertificate, host: String?) -> Int32 {
        guard let store = X509_STORE_new() else { return -1 }
        defer { X509_STORE_free(store) }
        guard X509_STORE_add_cert(store, authority.pointer) == 1, let context = X509_STORE_CTX_new() else { return -1 }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, self.pointer, nil) == 1 else { return -1 }
        X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_SERVER)
        if let host {
            X509_VERIFY_PARAM_set1_host(X509_STORE_CTX_get0_param(context), host, 0)
        }
        guard X509_verify_cert(context) == 1 else {
            return X509_STORE_CTX_get_error(context)
        }
        return X509_V_OK
    }
}
