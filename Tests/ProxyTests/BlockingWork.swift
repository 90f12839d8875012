import Foundation

/// Runs blocking work (a socket read loop, waiting for a process) on a thread of its own,
/// so the test's cooperative threads stay free for the servers.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.start()
    }
}
