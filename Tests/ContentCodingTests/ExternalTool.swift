import Foundation

/// A command-line tool (gzip, python3, brotli) that a test pipes bytes through.
struct ExternalTool {
    /// The failure of a tool run, with its exit status and standard error.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The executable's name, looked up in `PATH`.
    var name: String
    /// The arguments after the executable.
    var arguments: [String]

    static func gzip(_ arguments: String...) -> ExternalTool { ExternalTool(name: "gzip", arguments: arguments) }
    static func brotli(_ arguments: String...) -> ExternalTool { ExternalTool(name: "brotli", arguments: arguments) }

    /// A python3 one-liner whose `data` variable holds standard input and whose result, the bytes
    /// expression `output`, is written to standard output.
    static func python(_ code: String) -> ExternalTool {
        let script = """
            import sys, zlib, gzip
            data = sys.stdin.buffer.read()
            \(code)
            sys.stdout.buffer.write(output)
            """
        return ExternalTool(name: "python3", arguments: ["-c", script])
    }

    /// Whether an executable called `name` is on `PATH`.
    static func isAvailable(_ name: String) -> Bool { path(of: name) != nil }

    /// Runs the tool with `input` on standard input and returns its standard output.
    ///
    /// Standard input and output go through temporary files, so large bodies cannot deadlock on
    /// full pipes.
    func run(input: [UInt8]) throws -> [UInt8] {
        guard let executable = Self.path(of: name) else { throw Failure(description: "\(name) is not on PATH") }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("contentcoding-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try Data(input).write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errorText = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw Failure(description: "\(name) \(arguments) exited with \(process.terminationStatus): \(errorText)")
        }
        return Array(try Data(contentsOf: outputURL))
    }

    private static func path(of name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.lazy
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
