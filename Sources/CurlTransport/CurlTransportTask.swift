import Synchronization
public import TapeCore

/// One exchange running on a ``CurlTransport``.
///
/// Events reach the delegate on the transport's ``CurlEventExecutor``, in order, the
/// last one terminal. Call ``cancel()`` from that executor's context (as the XHR does
/// from its scheduler): after it returns the delegate receives nothing more, and the
/// driver thread removes the easy handle from libcurl on its next turn.
/// ``acknowledge(byteCount:)`` and ``resumeUpload()`` may be called from any thread.
public final class CurlTransportTask: TransportTask, @unchecked Sendable {
    // @unchecked: `delegate` is read and cleared only on the executor's context (deliveries
    // and cancel run there); `pendingBody` only on the driver thread; every other mutable
    // field is inside the `state` mutex.

    /// The request as it was started.
    public let request: ExchangeRequest
    /// The backpressure policy of this exchange.
    public let demand: ResponseBodyDemand

    private struct State: Sendable {
        var window: ResponseBodyWindow
        var cancelled = false
        var terminalDelivered = false
        var transfer: CurlTransfer?
        var metrics: CurlTransferMetrics?
    }

    private let executor: any CurlEventExecutor
    private let driver: CurlMultiDriver
    private let state: Mutex<State>
    private var delegate: (any TransportDelegate)?
    /// The body chunk queued in the driver's current outbox, which later pieces of the same
    /// socket read join.
    private var pendingBody: PendingBody?

    /// Body bytes on their way to the executor: filled on the driver thread until the outbox
    /// they are in (`generation`) is handed over, read on the executor after.
    private final class PendingBody: @unchecked Sendable {
        var bytes: [UInt8]
        var generation: UInt64 = 0
        init(first piece: UnsafeRawBufferPointer, capacity: Int) {
            bytes = []
            bytes.reserveCapacity(capacity)
            bytes.append(contentsOf: piece)
        }

        /// The bytes, in an array of their own size when the capacity reserved was far too much
        /// (a read shorter than the buffer): events and the cassette's write queue keep it a while.
        func takeBytes() -> [UInt8] {
            bytes.capacity > 2 * bytes.count + 4_096 ? Array(bytes) : bytes
        }
    }

    init(request: ExchangeRequest, demand: ResponseBodyDemand, executor: any CurlEventExecutor, driver: CurlMultiDriver, delegate: any TransportDelegate) {
        self.request = request
        self.demand = demand
        self.executor = executor
        self.driver = driver
        self.delegate = delegate
        self.state = Mutex(State(window: ResponseBodyWindow(limit: demand.maxBufferedBytes)))
    }

    // MARK: Consumer side

    /// Stops the exchange: nothing more is delivered once this returns, and libcurl drops
    /// the transfer (closing its connection if the response was not complete).
    /// Cancelling twice, or after the terminal event, does nothing.
    ///
    /// Call from the executor's context.
    public func cancel() {
        let (proceed, transfer) = state.withLock { state -> (Bool, CurlTransfer?) in
            guard !state.cancelled, !state.terminalDelivered else { return (false, nil) }
            state.cancelled = true
            let transfer = state.transfer
            state.transfer = nil
            return (true, transfer)
        }
        guard proceed else { return }
        delegate = nil
        if let transfer { _ = driver.post(.cancel(transfer)) }
    }

    /// Tells the transport that the consumer is done with `byteCount` more body bytes,
    /// under ``ResponseBodyDemand/Acknowledgement/explicit``. Resumes a paused transfer
    /// once the buffered bytes fall to half the bound. Callable from any thread;
    /// acknowledging more than was delivered counts as acknowledging everything.
    public func acknowledge(byteCount: Int) {
        let resume = state.withLock { state -> CurlTransfer? in
            guard !state.cancelled, state.window.acknowledge(byteCount) else { return nil }
            return state.transfer
        }
        if let resume { _ = driver.post(.resumeReceive(resume)) }
    }

    /// Tells the transport that the request body source has bytes again after it
    /// answered ``RequestBodyReadResult/wouldBlock``. Callable from any thread; call it
    /// after adding the bytes. Does nothing if the upload is not paused.
    public func resumeUpload() {
        let transfer = state.withLock { state in state.cancelled ? nil : state.transfer }
        if let transfer { _ = driver.post(.resumeSend(transfer)) }
    }

    /// libcurl's measurements, once the exchange has ended or was cancelled; nil before.
    public var metrics: CurlTransferMetrics? {
        state.withLock { $0.metrics }
    }

    /// The current backpressure state.
    public var backpressure: BackpressureStatus {
        state.withLock { $0.window.status }
    }

    // MARK: Driver side

    /// True once ``cancel()`` was called.
    var isCancelled: Bool {
        state.withLock { $0.cancelled }
    }

    /// Records the transfer that carries this task, or nil when it is gone.
    func attach(_ transfer: CurlTransfer?) {
        state.withLock { $0.transfer = transfer }
    }

    /// libcurl offers a body chunk of `count` bytes: accept it or pause.
    func offerBody(_ count: Int) -> ResponseBodyWindow.Decision {
        state.withLock { $0.window.offer(count) }
    }

    /// Hands response body bytes to the executor, at the end of the driver's turn, as one chunk
    /// with the pieces after them in the same turn. On the driver thread.
    ///
    /// libcurl reads up to its receive buffer from the socket at once, then calls the write
    /// callback with pieces of at most 16 KiB (`CURL_MAX_WRITE_SIZE`); the pieces arrived
    /// together, so they make one chunk at the first one's offset, as one read by a browser
    /// would. (Apart, a 64 KiB body was four chunk events and four cassette rows.)
    ///
    /// `readCapacity` is how many bytes the read may bring (see `CurlTransfer`): reserved at
    /// the first piece, so the later ones are appended without the array growing and copying
    /// what it holds. (Grown piece by piece, a 1 GiB download spent about 5 % of the proxy's
    /// CPU on those copies.)
    func enqueueBody(_ bytes: UnsafeRawBufferPointer, offsetMicros: Int64, readCapacity: Int) {
        if let pendingBody, pendingBody.generation == driver.outboxGeneration {
            pendingBody.bytes.append(contentsOf: bytes)
            return
        }
        let body = PendingBody(first: bytes, capacity: max(readCapacity, bytes.count))
        pendingBody = body
        driver.deliverAtEndOfTurn(to: executor) { [self] in
            deliver(.responseBodyChunk(body.takeBytes()), offsetMicros: offsetMicros, metrics: nil)
        }
        // Read after queueing: queueing for another executor hands the outbox over first.
        body.generation = driver.outboxGeneration
    }

    /// Hands a non-terminal event to the executor, at the end of the driver's turn. On the driver thread.
    func enqueue(_ event: TimelineEvent, offsetMicros: Int64) {
        pendingBody = nil
        driver.deliverAtEndOfTurn(to: executor) { [self] in
            deliver(event, offsetMicros: offsetMicros, metrics: nil)
        }
    }

    /// Records the final metrics, detaches the transfer and hands the terminal `event`
    /// to the executor: at the end of the driver's turn, or at once from another thread
    /// (`onDriverThread` false: a transfer that never reached the driver).
    func finish(with event: TimelineEvent, offsetMicros: Int64, metrics: CurlTransferMetrics?, onDriverThread: Bool = true) {
        let metrics = state.withLock { state -> CurlTransferMetrics? in
            state.transfer = nil
            guard var metrics else { return nil }
            metrics.backpressure = state.window.status
            state.metrics = metrics
            return metrics
        }
        let delivery: @Sendable () -> Void = { [self] in
            deliver(event, offsetMicros: offsetMicros, metrics: metrics)
        }
        if onDriverThread {
            pendingBody = nil
            driver.deliverAtEndOfTurn(to: executor, delivery)
        } else {
            executor.execute(delivery)
        }
    }

    /// Records the metrics of a transfer removed because the task was cancelled.
    func recordCancellation(metrics: CurlTransferMetrics) {
        state.withLock { state in
            var metrics = metrics
            metrics.backpressure = state.window.status
            state.metrics = metrics
            state.transfer = nil
        }
    }

    private func deliver(_ event: TimelineEvent, offsetMicros: Int64, metrics: CurlTransferMetrics?) {
        let live = state.withLock { state -> Bool in
            guard !state.cancelled, !state.terminalDelivered else { return false }
            if event.isTerminal { state.terminalDelivered = true }
            return true
        }
        guard live, let delegate else { return }
        if event.isTerminal {
            // Release the delegate (usually the XHR that owns this task) at the end.
            self.delegate = nil
            if let metrics, let curlDelegate = delegate as? any CurlTransportDelegate {
                curlDelegate.transportTask(self, didCollect: metrics)
            }
        }
        delegate.transportTask(self, didReceive: event, atOffsetMicros: offsetMicros)
        if demand.acknowledgement == .onDelivery, case .responseBodyChunk(let bytes) = event {
            acknowledge(byteCount: bytes.count)
        }
    }
}

extension CurlTransportTask: BodyAcknowledging {}
