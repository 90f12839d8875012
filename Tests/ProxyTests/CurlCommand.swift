import Foundation

/// The curl command line, pointed at the proxy: what a user would run.
struct CurlCommand {
    /// What one curl run produced.
    struct Result: Sendable {
        /// curl's exit status: 0, or 56 for a reset, 18 for a truncated body …
        var exitCode: Int32
        /// The response heads as `-D` wrote them, CRLFs included.
        var headText: String
        /// The response body bytes.
        var body: [UInt8]
        /// curl's error text.
        var stderr: String

        /// The last status line, e.g. `HTTP/1.1 200 OK`.
        var statusLine: String? { headLines.first }
        /// The status code of the last response.
        var status: Int? { statusLine.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } }
        /// The header lines of the last response, in order, without the status line.
        var headerLines: [String] { Array(headLines.dropFirst()) }

        private var headLines: [String] {
            let blocks = headText.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }
            return blocks.last?.components(separatedBy: "\r\n") ?? []
        }
    }

    /// The proxy's port.
    let proxyPort: Int

    /// A curl run in progress (``start(_:_:)``): its body arrives on standard output as it
    /// streams (`-N`), its heads in a file (`-D`).
    struct Running: @unchecked Sendable {
        // @unchecked: Process and Pipe are used from one task at a time.
        fileprivate let process: Process
        fileprivate let output: Pipe
        fileprivate let errors: Pipe
        fileprivate let directory: URL

        /// Waits for the first body bytes (empty if the body ended before any came).
        func firstBodyBytes() async throws -> [UInt8] {
            let output = output
            return try await onOwnThread { [UInt8](output.fileHandleForReading.availableData) }
        }

        /// Waits for curl to end; `received` is what ``firstBodyBytes()`` already took.
        func finish(after received: [UInt8] = []) async throws -> Result {
            defer { try? FileManager.default.removeItem(at: directory) }
            let (process, output) = (process, output)
            let rest = try await onOwnThread { () -> Data in
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return data
            }
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let head = (try? String(contentsOf: directory.appendingPathComponent("head"), encoding: .utf8)) ?? ""
            return Result(exitCode: process.terminationStatus, headText: head, body: received + rest, stderr: stderr)
        }
    }

    /// Starts `curl -x http://127.0.0.1:PORT` with `arguments` and the URL.
    func start(_ url: String, _ arguments: [String] = []) throws -> Running {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-S", "-N", "--noproxy", "", "-x", "http://127.0.0.1:\(proxyPort)", "--max-time", "30",
                             "-D", directory.appendingPathComponent("head").path] + arguments + [url]
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Running(process: process, output: output, errors: errors, directory: directory)
    }

    /// Runs `curl -x http://127.0.0.1:PORT` with `arguments` and the URL.
    func run(_ url: String, _ arguments: [String] = []) async throws -> Result {
        try await start(url, arguments).finish()
    }

    /// Runs `curl -x http://127.0.0.1:PORT` with `arguments` (URLs included) and returns its
    /// exit status, standard output (e.g. `-w` lines) and standard error; at most 60 s.
    func runCapturingStandardOutput(_ arguments: [String]) async throws -> (exitCode: Int32, standardOutput: String, stderr: String) {
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-curl-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-S", "--noproxy", "", "-x", "http://127.0.0.1:\(proxyPort)", "--max-time", "60"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorPath)
        try process.run()
        let standardOutput = try await onOwnThread { () -> Data in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let stderr = (try? String(contentsOf: errorPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: standardOutput, as: UTF8.self), stderr)
    }
}
