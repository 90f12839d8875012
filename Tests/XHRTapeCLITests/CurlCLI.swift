import Foundation

/// The curl CLI run as a client of the proxy, as a user would: `-s -S`, a time limit,
/// standard output captured (standard error dropped).
enum CurlCLI {
    /// Runs `curl -s -S --max-time maxSeconds arguments…` and returns its exit status and
    /// standard output. A later `--max-time` among `arguments` overrides this one. The wait
    /// happens on a thread of its own, not on one of the test runner's few shared threads
    /// (two blocked there stall every other test in the process).
    static func run(_ arguments: [String], maxSeconds: Int = 20) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, maxSeconds: maxSeconds) }) }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], maxSeconds: Int) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-S", "--max-time", String(maxSeconds)] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
