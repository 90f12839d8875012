import Foundation

/// Runs a system tool (the `openssl` CLI, `/bin/sh`) to check TapeTLS output independently.
struct ExternalCommand {
    /// How the command ended.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `executable` with `arguments` in `directory` and waits for it to exit.
    static func run(_ executable: String, _ arguments: [String], in directory: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The outputs here are a few hundred bytes, far below a pipe's buffer, so reading one
        // pipe after the other cannot deadlock.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Runs `script` with `/bin/sh -c` in `directory`.
    static func shell(_ script: String, in directory: String) throws -> Result {
        try self.run("/bin/sh", ["-c", script], in: directory)
    }
}
