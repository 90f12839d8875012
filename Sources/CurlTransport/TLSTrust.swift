/// Which server certificates a ``CurlTransport`` accepts over HTTPS.
///
/// Verification of the chain and of the host name is on unless
/// ``insecureNoVerification`` is chosen explicitly.
public enum TLSTrust: Sendable, Hashable {
    /// The system's CA bundle (libcurl's built-in default).
    case system
    /// The PEM bundle at this path instead of the system's (`CURLOPT_CAINFO`).
    case certificateAuthorityFile(String)
    /// These PEM certificates instead of the system's bundle, from memory
    /// (`CURLOPT_CAINFO_BLOB`): for a test CA such as the scenario server's.
    case certificateAuthorityPEM(String)
    /// Accept any certificate for any host (`CURLOPT_SSL_VERIFYPEER 0`,
    /// `CURLOPT_SSL_VERIFYHOST 0`). Only for servers you control; the exchange is
    /// open to interception.
    case insecureNoVerification
}
