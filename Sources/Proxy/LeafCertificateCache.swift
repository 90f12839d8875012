import NIOSSL
import Synchronization
import TapeTLS

/// The TLS server contexts the proxy presents inside `CONNECT` tunnels: one leaf
/// certificate per host, issued by the local certificate authority on first use and
/// kept for the life of the proxy.
///
/// ALPN offers `http/1.1` only, so clients never try HTTP/2 inside the tunnel.
final class LeafCertificateCache: Sendable {
    private let authority: CertificateAuthority
    private let contexts = Mutex<[String: NIOSSLContext]>([:])

    init(authority: CertificateAuthority) {
        self.authority = authority
    }

    /// The context for `host`, issuing its leaf (subjectAltName DNS or IP) if needed.
    ///
    /// - Throws: `TLSError` when `host` cannot be a subjectAltName, or NIOSSL's error
    ///   when the leaf cannot be loaded.
    func context(for host: String) throws -> NIOSSLContext {
        // Issued under the lock: concurrent first requests for one host make one leaf.
        try contexts.withLock { contexts in
            if let context = contexts[host] { return context }
            let leaf = try authority.issueLeaf(for: [host])
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(leaf.chainPEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(leaf.privateKeyPEM.utf8), format: .pem)))
            configuration.applicationProtocols = ["http/1.1"]
            let context = try NIOSSLContext(configuration: configuration)
            contexts[host] = context
            return context
        }
    }
}
