/// Which server certificates a ``CurlTransport`` accepts over HTTPS.
///
/// Verification of the chain and of the host name is on unless
/// ``insecureNoVerification`` is chosen explicitly.
public enum TLSTrust: Sendable, Hashable {
    /// The system's CA bundle (libcurl's built-in default).
    case system
    /// Only the PEM bundle at this path (`CURLOPT_CAINFO`; the system's bundle and
    /// certificate directory are not consulted).
    case certificateAuthorityFile(String)
    /// Only these PEM certificates, from memory (`CURLOPT_CAINFO_BLOB`; the system's
    /// bundle and certificate directory are not consulted): for a test CA such as the
    /// scenario server's. Concatenate PEMs to trust several.
    case certificateAuthorityPEM(String)
    /// Accept any certificate for any host (`CURLOPT_SSL_VERIFYPEER 0`,
    /// `CURLOPT_SSL_VERIFYHOST 0`). Only for servers you control; the exchange is
    /// open to interception.
    case insecureNoVerification
}
