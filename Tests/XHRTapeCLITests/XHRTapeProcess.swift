import Foundation
import Testing

/// The built `xhrtape` binary run to completion: exit status and both outputs.
struct XHRTapeProcess {
    var status: Int32
    var output: String
    var errors: String

    /// Runs `xhrtape arguments…` (see ``RunningXHRTape``) and waits, at most
    /// `deadlineSeconds`, for it to end.
    static func run(_ arguments: [String], deadlineSeconds: Int = 60) throws -> XHRTapeProcess {
        let finished = try RunningXHRTape(arguments).finish(deadlineSeconds: deadlineSeconds)
        return XHRTapeProcess(status: finished.status, output: finished.standardOutput, errors: finished.standardError)
    }
}
