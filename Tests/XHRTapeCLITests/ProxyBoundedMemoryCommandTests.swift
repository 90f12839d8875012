import Foundation
import ScenarioServer
import Testing

/// Bounded memory while recording bodies far larger than the proxy may hold, in both
/// directions, against a slow peer: the `xhrtape record` process's peak resident set
/// (VmHWM, from /proc) after each transfer, against the peak before it (the first after
/// a small warm-up exchange). Without backpressure the proxy would hold most of each body: even a debug
/// build moves about 35 MB/s, over four times what the peer takes.
@Suite(.serialized)
struct ProxyBoundedMemoryCommandTests {
    /// 48 MiB: buffering most of it would be obvious; at the peer's rate it takes 6 s.
    private static let bodyBytes = 48 << 20
    /// The slow peer's rate, bytes per second.
    private static let peerRate = 8 << 20
    /// How much one transfer may raise the peak: the proxy's windows (1 MiB each way) plus
    /// SQLite's page cache and allocator slack; measured 7 MB each way, and 29 MB for the
    /// download with the response window raised to 1 GiB.
    private static let growthBound = 14 << 20

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-memory-\(UUID())-\(name)").path
    }

    /// The process's peak resident set in bytes, from /proc/PID/status.
    private func peakResidentBytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kibibytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kibibytes * 1024
    }

    private func curl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await CurlCLI.run(arguments, maxSeconds: 30)
    }

    /// A file of `bodyBytes` varied bytes for curl to upload.
    private func uploadFile() throws -> String {
        let path = temporaryPath("upload.bin")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for index in 0..<(Self.bodyBytes >> 20) {
            for offset in stride(from: 0, to: block.count, by: 4096) { block[offset] = UInt8(truncatingIfNeeded: index &+ offset >> 12) }
            try handle.write(contentsOf: block)
        }
        try handle.close()
        return path
    }

    @Test func aSlowClientAndASlowServerDoNotMakeTheRecordingProxyHoldTheBody() async throws {
        let cassette = temporaryPath("big.sqlite")
        let upload = try uploadFile()
        defer {
            for path in [cassette, cassette + "-wal", cassette + "-shm", upload] { try? FileManager.default.removeItem(atPath: path) }
        }
        let server = try await ScenarioServer.start(.init(tlsPort: nil))
        let recorder = try RunningXHRTape(["record", "--cassette", cassette, "--port", "0"])
        let proxyURL = try recorder.proxyURL()
        let pid = recorder.process.processIdentifier
        let warmUp = try await curl(["-x", proxyURL, "-o", "/dev/null", "-w", "%{http_code}", server.url("/bytes?n=1048576")])
        #expect(warmUp.output == "200")
        let baseline = try peakResidentBytes(of: pid)

        // Download: the client reads at 8 MiB/s.
        let download = try await curl(["-x", proxyURL, "--limit-rate", String(Self.peerRate), "-o", "/dev/null",
                                 "-w", "%{http_code} %{size_download}", server.url("/bytes?n=\(Self.bodyBytes)")])
        #expect(download.status == 0)
        #expect(download.output == "200 \(Self.bodyBytes)")
        let afterDownload = try peakResidentBytes(of: pid)

        // Upload: the server reads at the same rate; the whole body goes upstream and into the cassette.
        let sent = try await curl(["-x", proxyURL, "--data-binary", "@\(upload)", "-H", "Content-Type: application/octet-stream",
                             server.url("/upload-sink?rate=\(Self.peerRate)")])
        #expect(sent.status == 0)
        #expect(sent.output.contains("\"bytes\":\(Self.bodyBytes)"), "\(sent.output)")
        let afterUpload = try peakResidentBytes(of: pid)

        recorder.signal(SIGTERM)
        let end = recorder.finish()
        try await server.shutdown()
        #expect(end.status == 0, "\(end.standardError)")
        #expect(end.standardOutput.contains("holds 3 exchanges"), "\(end.standardOutput)")
        #expect(afterDownload - baseline < Self.growthBound,
                "peak RSS grew from \(baseline) to \(afterDownload) bytes over a \(Self.bodyBytes)-byte download")
        #expect(afterUpload - afterDownload < Self.growthBound,
                "peak RSS grew from \(afterDownload) to \(afterUpload) bytes over a \(Self.bodyBytes)-byte upload")
    }
}
