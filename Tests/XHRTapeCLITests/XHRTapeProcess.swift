import Foundation
import Testing

/// The built `xhrtape` binary run to completion: exit status and both outputs.
struct XHRTapeProcess {
    var status: Int32
    var output: String
    var errors: String

    /// Runs `xhrtape arguments…` and waits, at most `deadlineSeconds`, for it to end.
    static func run(_ arguments: [String], deadlineSeconds: Int = 60) throws -> XHRTapeProcess {
        let binary = try #require(ServeScenariosTests.builtBinary(), "build the xhrtape binary first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        // Read both pipes at once so that a full pipe cannot stall the process.
        let readers = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: readers) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        if ended.wait(timeout: .now() + .seconds(deadlineSeconds)) == .timedOut {
            process.terminate()
            Issue.record("xhrtape \(arguments.joined(separator: " ")) ran past \(deadlineSeconds) s")
            ended.wait()
        }
        readers.wait()
        return XHRTapeProcess(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
