import Foundation
import Testing

/// `xhrtape ca init|path|export` through the built binary, in a temporary `XHRTAPE_HOME`.
struct CACommandTests {
    @Test func caInitWritesTheKeyWithMode0600AndRefusesToOverwriteWithoutForce() throws {
        let initial = try RunningXHRTape(["ca", "init"])
        let first = initial.finish()
        #expect(first.status == 0, "\(first.standardError)")
        let xhrtapeHome = initial.home
        let home = xhrtapeHome + "/ca"
        #expect(first.standardOutput.contains(home))
        let keyPath = home + "/ca-key.pem"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let certificate = try String(contentsOfFile: home + "/ca.pem", encoding: .utf8)
        #expect(certificate.hasPrefix("-----BEGIN CERTIFICATE-----"))

        let again = try RunningXHRTape(["ca", "init"], home: xhrtapeHome).finish()
        #expect(again.status == 2)
        #expect(again.standardError.contains("--force"))
        #expect(try String(contentsOfFile: home + "/ca.pem", encoding: .utf8) == certificate)

        let forced = try RunningXHRTape(["ca", "init", "--force"], home: xhrtapeHome).finish()
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: home + "/ca.pem", encoding: .utf8) != certificate)
    }

    @Test func caPathAndExportNameTheCertificateAndHowToTrustIt() throws {
        let missing = try RunningXHRTape(["ca", "path"]).finish()
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("xhrtape ca init"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-ca-\(UUID())").path
        #expect(try RunningXHRTape(["ca", "init", "--ca-dir", directory]).finish().status == 0)
        let path = try RunningXHRTape(["ca", "path", "--ca-dir", directory]).finish()
        #expect(path.status == 0)
        #expect(path.standardOutput == directory + "/ca.pem\n")

        let export = try RunningXHRTape(["ca", "export", "--ca-dir", directory]).finish()
        #expect(export.status == 0)
        #expect(export.standardOutput.hasPrefix(try String(contentsOfFile: directory + "/ca.pem", encoding: .utf8)))
        for hint in ["--cacert", "--ignore-certificate-errors-spki-list=", "--proxy-bypass-list='<-loopback>'", "certutil", "REQUESTS_CA_BUNDLE"] {
            #expect(export.standardOutput.contains(hint), "ca export should mention \(hint)")
        }
        let pemOnly = try RunningXHRTape(["ca", "export", "--ca-dir", directory, "--pem-only"]).finish()
        #expect(pemOnly.standardOutput == (try String(contentsOfFile: directory + "/ca.pem", encoding: .utf8)))
    }
}
