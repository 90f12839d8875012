import COpenSSL
import Foundation
import TapeTLS
import Testing

struct CertificateAuthorityTests {
    private static let openssl = "/usr/bin/openssl"

    // MARK: Issuing and verifying

    @Test func leafVerifiesAgainstTheCAWithX509VerifyCert() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test", "127.0.0.1"])

        let authority = try #require(ParsedCertificate(pem: ca.certificatePEM))
        let certificate = try #require(ParsedCertificate(pem: leaf.certificatePEM))
        #expect(certificate.verify(trusting: authority, host: nil) == X509_V_OK)
        #expect(certificate.verify(trusting: authority, host: "api.example.test") == X509_V_OK)
        #expect(certificate.verify(trusting: authority, host: "other.example.test") == X509_V_ERR_HOSTNAME_MISMATCH)
    }

    @Test func leafDoesNotVerifyAgainstAnotherCA() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let otherCA = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test"])

        let other = try #require(ParsedCertificate(pem: otherCA.certificatePEM))
        let certificate = try #require(ParsedCertificate(pem: leaf.certificatePEM))
        #expect(certificate.verify(trusting: other, host: nil) != X509_V_OK)
    }

    @Test func leafVerifiesAgainstTheCAWithTheOpenSSLCommandLine() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test", "::1"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(ca.certificatePEM, to: "ca.pem")
        try directory.write(leaf.certificatePEM, to: "leaf.pem")

        let result = try ExternalCommand.run(Self.openssl, ["verify", "-CAfile", "ca.pem", "leaf.pem"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("OK"))

        let strict = try ExternalCommand.run(
            Self.openssl,
            ["verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname", "api.example.test", "-CAfile", "ca.pem", "leaf.pem"],
            in: directory.path
        )
        #expect(strict.status == 0, "\(strict.standardError)")
    }

    @Test func chainIsTheLeafFollowedByTheCA() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test"])
        #expect(leaf.chainPEM == leaf.certificatePEM + ca.certificatePEM)
        #expect(leaf.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test func leafSubjectAltNamesContainTheDNSNamesAndIPAddressesGiven() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test", "*.cdn.example.test", "127.0.0.1", "::1", "[2001:db8::7]", "api.example.test"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(leaf.certificatePEM, to: "leaf.pem")

        let result = try ExternalCommand.run(Self.openssl, ["x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let entries = try #require(lines.last).components(separatedBy: ", ")
        #expect(entries == [
            "DNS:api.example.test",
            "DNS:*.cdn.example.test",
            "IP Address:127.0.0.1",
            "IP Address:0:0:0:0:0:0:0:1",
            "IP Address:2001:DB8:0:0:0:0:0:7",
        ])
    }

    @Test func leafCommonNameIsTheFirstHost() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["first.example.test", "second.example.test"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(leaf.certificatePEM, to: "leaf.pem")

        let result = try ExternalCommand.run(
            Self.openssl, ["x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "RFC2253"], in: directory.path
        )
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "subject=CN=first.example.test")
    }

    @Test func leafHasServerExtensions() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(leaf.certificatePEM, to: "leaf.pem")

        let result = try ExternalCommand.run(
            Self.openssl,
            ["x509", "-in", "leaf.pem", "-noout", "-ext", "basicConstraints,keyUsage,extendedKeyUsage,subjectKeyIdentifier,authorityKeyIdentifier"],
            in: directory.path
        )
        let text = result.standardOutput
        #expect(text.contains("X509v3 Basic Constraints: critical\n    CA:FALSE"))
        #expect(text.contains("X509v3 Key Usage: critical\n    Digital Signature"))
        #expect(text.contains("TLS Web Server Authentication"))
        #expect(text.contains("X509v3 Subject Key Identifier"))
        #expect(text.contains("X509v3 Authority Key Identifier"))
    }

    @Test func generatedCAHasCAExtensions() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(ca.certificatePEM, to: "ca.pem")

        let result = try ExternalCommand.run(
            Self.openssl,
            ["x509", "-in", "ca.pem", "-noout", "-ext", "basicConstraints,keyUsage,subjectKeyIdentifier"],
            in: directory.path
        )
        let text = result.standardOutput
        #expect(text.contains("X509v3 Basic Constraints: critical\n    CA:TRUE, pathlen:0"))
        #expect(text.contains("X509v3 Key Usage: critical\n    Certificate Sign, CRL Sign"))
        #expect(text.contains("X509v3 Subject Key Identifier"))

        let key = try ExternalCommand.run(Self.openssl, ["x509", "-in", "ca.pem", "-noout", "-text"], in: directory.path)
        #expect(key.standardOutput.contains("NIST CURVE: P-256"))
    }

    @Test func certificatesStartAnHourAgoAndLastExactlyTheRequestedDays() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA", validityDays: 30)
        let leaf = try ca.issueLeaf(for: ["api.example.test"], validityDays: 397)

        let authority = try #require(ParsedCertificate(pem: ca.certificatePEM))
        let certificate = try #require(ParsedCertificate(pem: leaf.certificatePEM))
        #expect(authority.validitySeconds == 30 * 86_400)
        #expect(certificate.validitySeconds == 397 * 86_400)
        #expect((-3_660 ... -3_540).contains(authority.notBeforeOffsetFromNow))
        #expect((-3_660 ... -3_540).contains(certificate.notBeforeOffsetFromNow))
    }

    @Test func serialNumbersArePositiveRandom128BitValues() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let first = try #require(ParsedCertificate(pem: try ca.issueLeaf(for: ["a.example.test"]).certificatePEM))
        let second = try #require(ParsedCertificate(pem: try ca.issueLeaf(for: ["a.example.test"]).certificatePEM))
        let authority = try #require(ParsedCertificate(pem: ca.certificatePEM))
        for certificate in [authority, first, second] {
            #expect(certificate.serial.sign == 1)
            #expect(certificate.serial.bits <= 127)
            #expect(certificate.serial.bits > 64)  // fails with probability 2^-63
        }
        #expect(!first.hasSameSerial(as: second))
    }

    @Test func leavesCanBeIssuedConcurrently() async throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let authority = try #require(ParsedCertificate(pem: ca.certificatePEM))
        let leaves = try await withThrowingTaskGroup(of: IssuedCertificate.self) { group in
            for index in 0..<8 {
                group.addTask { try ca.issueLeaf(for: ["host\(index).example.test"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(leaves.count == 8)
        for leaf in leaves {
            let certificate = try #require(ParsedCertificate(pem: leaf.certificatePEM))
            #expect(certificate.verify(trusting: authority, host: nil) == X509_V_OK)
        }
    }

    // MARK: Writing and loading

    @Test func writeGivesTheKeyFileMode0600AndTheCertificate0644InANew0700Directory() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let caDirectory = directory.file("nested/ca")

        try ca.write(to: caDirectory)

        #expect(try Self.permissions(caDirectory + "/ca-key.pem") == 0o600)
        #expect(try Self.permissions(caDirectory + "/ca.pem") == 0o644)
        #expect(try Self.permissions(caDirectory) == 0o700)
        #expect(try String(contentsOfFile: caDirectory + "/ca.pem", encoding: .utf8) == ca.certificatePEM)
    }

    @Test func writeRefusesToOverwriteAnExistingCA() throws {
        let first = try CertificateAuthority.generate(commonName: "first")
        let second = try CertificateAuthority.generate(commonName: "second")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try first.write(to: directory.path)

        let error = #expect(throws: TLSError.self) { try second.write(to: directory.path) }
        #expect(error?.code == .fileExists)
        #expect(try CertificateAuthority.load(from: directory.path).certificatePEM == first.certificatePEM)
    }

    @Test func writeRefusesWhenOnlyTheCertificateExists() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("keep me", to: "ca.pem")

        let error = #expect(throws: TLSError.self) { try ca.write(to: directory.path) }
        #expect(error?.code == .fileExists)
        #expect(!FileManager.default.fileExists(atPath: directory.file("ca-key.pem")))
    }

    @Test func writeWithOverwriteReplacesTheFilesAndKeepsTheKeyMode0600() throws {
        let first = try CertificateAuthority.generate(commonName: "first")
        let second = try CertificateAuthority.generate(commonName: "second")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try first.write(to: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory.file("ca-key.pem"))

        try second.write(to: directory.path, overwrite: true)

        #expect(try Self.permissions(directory.file("ca-key.pem")) == 0o600)
        #expect(try CertificateAuthority.load(from: directory.path).certificatePEM == second.certificatePEM)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(leftovers == ["ca-key.pem", "ca.pem"])
    }

    @Test func loadRoundTripsWhatWriteWrote() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try ca.write(to: directory.path)

        let loaded = try CertificateAuthority.load(from: directory.path)

        #expect(loaded.certificatePEM == ca.certificatePEM)
        #expect(loaded.privateKeyPEM == ca.privateKeyPEM)
        #expect(loaded.spkiSHA256Base64 == ca.spkiSHA256Base64)
    }

    @Test func loadRejectsAKeyFileReadableByOthers() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try ca.write(to: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory.file("ca-key.pem"))

        let error = #expect(throws: TLSError.self) { try CertificateAuthority.load(from: directory.path) }
        #expect(error?.code == .insecureKeyFile)
    }

    @Test func loadFromADirectoryWithoutACAReportsFileNotFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let error = #expect(throws: TLSError.self) { try CertificateAuthority.load(from: directory.path) }
        #expect(error?.code == .fileNotFound)
    }

    // MARK: Loading from PEM

    @Test func initWithGarbagePEMThrowsInvalidPEM() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")

        let badCertificate = #expect(throws: TLSError.self) {
            try CertificateAuthority(certificatePEM: "not a certificate", privateKeyPEM: ca.privateKeyPEM)
        }
        #expect(badCertificate?.code == .invalidPEM)
        let badKey = #expect(throws: TLSError.self) {
            try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        }
        #expect(badKey?.code == .invalidPEM)
    }

    @Test func initWithTheKeyOfAnotherCAThrowsKeyMismatch() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let other = try CertificateAuthority.generate(commonName: "other CA")

        let error = #expect(throws: TLSError.self) {
            try CertificateAuthority(certificatePEM: ca.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
        #expect(error?.code == .keyMismatch)
    }

    @Test func initWithALeafCertificateThrowsNotACertificateAuthority() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let leaf = try ca.issueLeaf(for: ["api.example.test"])

        let error = #expect(throws: TLSError.self) {
            try CertificateAuthority(certificatePEM: leaf.certificatePEM, privateKeyPEM: leaf.privateKeyPEM)
        }
        #expect(error?.code == .notACertificateAuthority)
    }

    @Test func initAcceptsACAMadeByTheOpenSSLCommandLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let made = try ExternalCommand.run(
            Self.openssl,
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=cli CA", "-days", "2",
             "-keyout", "key.pem", "-out", "ca.pem",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"],
            in: directory.path
        )
        try #require(made.status == 0, "\(made.standardError)")

        let ca = try CertificateAuthority(
            certificatePEM: try String(contentsOfFile: directory.file("ca.pem"), encoding: .utf8),
            privateKeyPEM: try String(contentsOfFile: directory.file("key.pem"), encoding: .utf8)
        )
        let leaf = try ca.issueLeaf(for: ["api.example.test"])
        let authority = try #require(ParsedCertificate(pem: ca.certificatePEM))
        let certificate = try #require(ParsedCertificate(pem: leaf.certificatePEM))
        #expect(certificate.verify(trusting: authority, host: "api.example.test") == X509_V_OK)
    }

    // MARK: Argument validation

    @Test func issueLeafWithNoHostsThrowsInvalidHost() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")

        let error = #expect(throws: TLSError.self) { try ca.issueLeaf(for: []) }
        #expect(error?.code == .invalidHost)
    }

    @Test(arguments: ["", "has space.test", "a/b.test", "https://a.test", "a..test", "a.test.", "1.2.3", "fe80::1%eth0", "a.test:443", "bücher.test", "*.test"])
    func issueLeafWithAnInvalidHostThrowsInvalidHost(host: String) throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")

        let error = #expect(throws: TLSError.self) { try ca.issueLeaf(for: ["ok.example.test", host]) }
        #expect(error?.code == .invalidHost)
    }

    @Test func issueLeafRejectsAValidityLongerThan397Days() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")

        let error = #expect(throws: TLSError.self) { try ca.issueLeaf(for: ["api.example.test"], validityDays: 398) }
        #expect(error?.code == .invalidValidity)
    }

    @Test func generateRejectsAnEmptyCommonName() {
        let error = #expect(throws: TLSError.self) { try CertificateAuthority.generate(commonName: "") }
        #expect(error?.code == .certificateCreation)
    }

    // MARK: SPKI pin

    @Test func spkiSHA256Base64MatchesTheOpenSSLPipeline() throws {
        let ca = try CertificateAuthority.generate(commonName: "xhrtape test CA")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(ca.certificatePEM, to: "ca.pem")

        let result = try ExternalCommand.shell(
            "openssl x509 -in ca.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
            in: directory.path
        )
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == ca.spkiSHA256Base64)
        #expect(ca.spkiSHA256Base64.count == 44)
    }

    // MARK: Helpers

    private static func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }
}
