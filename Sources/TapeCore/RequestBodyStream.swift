import Synchronization

/// A request body that arrives while its exchange already runs: the proxy appends what
/// its client sends, the transport reads it out, and neither holds more than a bounded
/// amount, so a multi-gigabyte upload streams through in little memory.
///
/// The producer appends from its own thread and pauses reading from its client while
/// ``append(_:)`` says the buffer is full; ``onDrained(_:)`` tells it to go on once the
/// consumer has taken the buffer down to half. The consumer reads from another thread;
/// when nothing is there it registers ``onReadable(_:)`` and waits.
///
/// A stream that records also keeps the bytes it handed out until the recorder takes
/// them with ``takeRead(_:)`` (when the transport reports them sent), so the cassette
/// stores the body as it went upstream, chunk by chunk. Those count against the
/// high-water mark too: while the recorder lags a window behind, reads find nothing,
/// so the upload (and through it the client) waits for the cassette.
public final class RequestBodyStream: Sendable {
    /// What ``read(into:)`` found.
    public enum ReadResult: Sendable, Equatable {
        /// This many bytes (more than zero) were copied.
        case bytes(Int)
        /// The body is complete.
        case end
        /// Nothing is buffered yet.
        case wouldBlock
        /// The producer failed (its client went away mid-body).
        case failed(String)
    }

    /// The body's length when the client announced one (`Content-Length`), else nil.
    public let length: Int64?
    /// How many buffered bytes make ``append(_:)`` ask the producer to pause.
    public let highWaterBytes: Int

    private struct State {
        /// Bytes appended and not yet read.
        var pending = ByteQueue()
        var ended = false
        var failure: String?
        var consumerWaiting = false
        var producerPaused = false
        var onReadable: (@Sendable () -> Void)?
        var onDrained: (@Sendable () -> Void)?
        /// Bytes handed to the consumer and not yet taken by the recorder; nil when not recording.
        var handedOut: ByteQueue?
    }

    private let state: Mutex<State>

    /// A stream of a body of `length` bytes (nil: unknown), starting with `prefix`.
    ///
    /// - Parameters:
    ///   - recording: Whether to keep what is read until ``takeRead(_:)`` takes it.
    public init(length: Int64?, prefix: [UInt8] = [], highWaterBytes: Int = 1 << 20, recording: Bool = false) {
        self.length = length
        self.highWaterBytes = max(1, highWaterBytes)
        var initial = State()
        initial.pending.append(prefix)
        initial.producerPaused = prefix.count >= self.highWaterBytes
        initial.handedOut = recording ? ByteQueue() : nil
        self.state = Mutex(initial)
    }

    // MARK: Producer

    /// Adds `bytes`. Returns true when the producer should pause until ``onDrained(_:)`` fires.
    @discardableResult
    public func append(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let (pause, wake) = state.withLock { state -> (Bool, (@Sendable () -> Void)?) in
            guard !state.ended, state.failure == nil else { return (false, nil) }
            state.pending.append(bytes)
            let pause = state.pending.count >= highWaterBytes
            if pause { state.producerPaused = true }
            return (pause, Self.takeWakeup(&state))
        }
        wake?()
        return pause
    }

    /// The body is complete.
    public func finish() {
        let wake = state.withLock { state -> (@Sendable () -> Void)? in
            guard !state.ended, state.failure == nil else { return nil }
            state.ended = true
            return Self.takeWakeup(&state)
        }
        wake?()
    }

    /// The body will not be completed: the consumer's next read fails with `reason`.
    public func fail(_ reason: String) {
        let wake = state.withLock { state -> (@Sendable () -> Void)? in
            guard !state.ended, state.failure == nil else { return nil }
            state.failure = reason
            state.pending = ByteQueue()
            return Self.takeWakeup(&state)
        }
        wake?()
    }

    /// Whether the producer should not read more now: the buffer is at its high-water mark
    /// (after ``append(_:)`` said so, or from a prefix that filled it).
    public var producerShouldPause: Bool {
        state.withLock { $0.producerPaused }
    }

    /// Calls `work` (from the consumer's thread) once a paused producer may go on.
    public func onDrained(_ work: @escaping @Sendable () -> Void) {
        state.withLock { $0.onDrained = work }
    }

    // MARK: Consumer

    /// Registers what wakes a consumer whose read found nothing; fires at once if there is
    /// already something to read.
    public func onReadable(_ work: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            state.onReadable = work
            return state.consumerWaiting && (state.pending.count > 0 || state.ended || state.failure != nil)
        }
        if now { work() }
    }

    /// Copies the next bytes into `buffer`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        let (result, drained) = state.withLock { state -> (ReadResult, (@Sendable () -> Void)?) in
            if let failure = state.failure { return (.failed(failure), nil) }
            if let handedOut = state.handedOut, handedOut.count >= highWaterBytes {
                // The recorder is a window behind: wait for ``takeRead(_:)``.
                state.consumerWaiting = true
                return (.wouldBlock, nil)
            }
            guard state.pending.count > 0 else {
                if state.ended { return (.end, nil) }
                state.consumerWaiting = true
                return (.wouldBlock, nil)
            }
            let copied = state.pending.take(into: buffer)
            state.handedOut?.append(Array(UnsafeRawBufferPointer(rebasing: buffer[..<copied])))
            var drained: (@Sendable () -> Void)?
            if state.producerPaused, state.pending.count <= highWaterBytes / 2 {
                state.producerPaused = false
                drained = state.onDrained
            }
            return (.bytes(copied), drained)
        }
        drained?()
        return result
    }

    /// The first `count` bytes read and not yet taken, for the recorder (empty when not recording).
    /// Wakes a consumer that waited for the recorder to catch up.
    public func takeRead(_ count: Int) -> [UInt8] {
        let (taken, wake) = state.withLock { state -> ([UInt8], (@Sendable () -> Void)?) in
            guard state.handedOut != nil else { return ([], nil) }
            let taken = state.handedOut!.take(count)
            let wake = state.handedOut!.count < highWaterBytes ? Self.takeWakeup(&state) : nil
            return (taken, wake)
        }
        wake?()
        return taken
    }

    /// The consumer's wake-up, if it waits and has registered one; a consumer that waits
    /// without one yet stays waiting, and ``onReadable(_:)`` wakes it.
    private static func takeWakeup(_ state: inout State) -> (@Sendable () -> Void)? {
        guard state.consumerWaiting, state.onReadable != nil else { return nil }
        state.consumerWaiting = false
        return state.onReadable
    }
}

/// Bytes in arrival order, taken from the front without moving the rest.
struct ByteQueue: Sendable {
    private var chunks: [[UInt8]] = []
    private var first = 0
    private var offset = 0
    /// Bytes held.
    private(set) var count = 0

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        chunks.append(bytes)
        count += bytes.count
    }

    /// Up to `wanted` bytes from the front.
    mutating func take(_ wanted: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: min(wanted, count)) { buffer, initialized in
            initialized = take(into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Moves bytes from the front into `buffer`, as many as fit; returns how many.
    mutating func take(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var copied = 0
        while copied < buffer.count, first < chunks.count {
            let n = min(buffer.count - copied, chunks[first].count - offset)
            chunks[first].withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: buffer[copied..<copied + n])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + n]))
            }
            copied += n
            offset += n
            if offset == chunks[first].count {
                first += 1
                offset = 0
            }
        }
        count -= copied
        if first > 64, first * 2 > chunks.count {
            chunks.removeFirst(first)
            first = 0
        }
        return copied
    }
}
