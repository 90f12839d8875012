import CurlTransport
import Synchronization

/// A chunked body that a test feeds from its own thread: `read` answers `.wouldBlock`
/// until bytes are fed, as a proxy relaying a slow client's upload would.
final class FeedableBodySource: RequestBodySource, Sendable {
    private struct State {
        var pending: [UInt8] = []
        var finished = false
        var wouldBlockCount = 0
    }
    private let state = Mutex(State())

    var length: Int64? { nil }

    /// How many reads found nothing to send.
    var wouldBlockCount: Int { state.withLock { $0.wouldBlockCount } }

    func feed(_ bytes: [UInt8], finish: Bool = false) {
        state.withLock {
            $0.pending += bytes
            $0.finished = $0.finished || finish
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult {
        state.withLock { state in
            if state.pending.isEmpty {
                if state.finished { return .end }
                state.wouldBlockCount += 1
                return .wouldBlock
            }
            let count = min(buffer.count, state.pending.count)
            buffer.copyBytes(from: state.pending[..<count])
            state.pending.removeFirst(count)
            return .bytes(count)
        }
    }
}
