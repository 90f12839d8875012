import ArgumentParser
import CurlTransport
import Foundation

/// How the proxy verifies the servers it fetches from over HTTPS; shared by `record`
/// (and any command that reaches upstream).
struct UpstreamTLSOptions: ParsableArguments {
    @Option(name: .customLong("upstream-ca"),
            help: "Also trust the CA certificates in this PEM file for upstream HTTPS (besides the system's), e.g. a test server's CA.",
            completion: .file(extensions: ["pem", "crt"]))
    var upstreamCA: String?

    @Flag(name: .customLong("insecure-upstream"),
          help: "Do not verify upstream HTTPS certificates at all. Only for servers you control.")
    var insecureUpstream = false

    /// The system's CA bundle on Debian and Ubuntu (and Fedora's, for the same file name).
    static let systemBundlePaths = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    func validate() throws {
        if insecureUpstream, upstreamCA != nil {
            throw ValidationError("--insecure-upstream verifies nothing, so --upstream-ca would be ignored; pass one of them.")
        }
        if let upstreamCA, !FileManager.default.isReadableFile(atPath: upstreamCA) {
            throw ValidationError("--upstream-ca \(upstreamCA) is not a readable file; pass a PEM file of CA certificates.")
        }
    }

    /// The trust for libcurl: the system store, plus `--upstream-ca`, or nothing verified.
    func trust() throws -> TLSTrust {
        if insecureUpstream { return .insecureNoVerification }
        guard let upstreamCA else { return .system }
        var pem = try String(contentsOfFile: upstreamCA, encoding: .utf8)
        guard pem.contains("-----BEGIN CERTIFICATE-----") else {
            throw ValidationError("--upstream-ca \(upstreamCA) holds no PEM certificate (-----BEGIN CERTIFICATE-----).")
        }
        if let system = Self.systemBundlePaths.lazy.compactMap({ try? String(contentsOfFile: $0, encoding: .utf8) }).first {
            pem = system + "\n" + pem
        }
        return .certificateAuthorityPEM(pem)
    }
}
