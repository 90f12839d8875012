import CCurl
import Glibc
import Synchronization
import TapeCore

/// Drives one libcurl multi handle on a dedicated thread, or on the thread of the
/// `RealTimeScheduler` hosting it: every transfer of a ``CurlTransport`` runs here,
/// sharing libcurl's connection cache.
///
/// Hosted, the scheduler's thread calls ``serve()`` (commands, `curl_multi_perform`,
/// deliveries) and ``wait(maximumMicros:)`` (`curl_multi_poll`) between its own work;
/// a command posted from any thread interrupts the wait through the scheduler.
///
/// The thread loops: apply the commands other threads posted (add, cancel, resume),
/// `curl_multi_perform`, collect finished transfers, then `curl_multi_poll` for up to a
/// second (libcurl shortens the wait for its own timers). Posting a command wakes the
/// poll with `curl_multi_wakeup`. Shutting down aborts every transfer still running,
/// frees the multi handle and ends the thread.
final class CurlMultiDriver: RealTimeSchedulerIdler, @unchecked Sendable {
    // @unchecked: `multi` and `attached` are used only on the driver thread (the host's thread when hosted), except
    // `curl_multi_wakeup` (thread-safe), which is called under the inbox lock while the
    // handle is still open; the inbox itself is a mutex.

    /// Work for the driver thread.
    enum Command: Sendable {
        /// Add the transfer's easy handle to the multi handle.
        case add(CurlTransfer)
        /// Remove the transfer without delivering anything more.
        case cancel(CurlTransfer)
        /// Acknowledgements made room: unpause receiving.
        case resumeReceive(CurlTransfer)
        /// The body source has bytes again: unpause sending.
        case resumeSend(CurlTransfer)
    }

    private struct Inbox: Sendable {
        var commands: [Command] = []
        var stopping = false
        var closed = false
        var attachedCount = 0
        var thread: pthread_t?
    }

    private let multi: UnsafeMutableRawPointer
    /// The scheduler whose thread drives this multi handle, when the driver has no thread of its own.
    private let host: RealTimeScheduler?
    private let inbox = Mutex(Inbox())
    private var attached: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    /// Deliveries made during this turn of the driver thread, handed to their executor
    /// together at its end: one wake-up of the executor for a turn's events, not one each.
    private var outbox: [@Sendable () -> Void] = []
    private var outboxExecutor: (any CurlEventExecutor)?
    /// How many times the outbox was handed over; what is queued under one number goes out together.
    /// On the driver thread only.
    private(set) var outboxGeneration: UInt64 = 0

    /// Creates the multi handle and starts the thread.
    ///
    /// - Throws: ``CurlTransportError`` when libcurl cannot be initialised or the thread
    ///   cannot be started.
    init(configuration: CurlTransport.Configuration, host: RealTimeScheduler? = nil) throws(CurlTransportError) {
        guard CurlGlobal.initialization == CURLE_OK else {
            throw CurlTransportError(code: .initializationFailed, message: "curl_global_init failed with libcurl error \(CurlGlobal.initialization.rawValue); libcurl cannot be used in this process.")
        }
        guard let multi = curl_multi_init() else {
            throw CurlTransportError(code: .initializationFailed, message: "curl_multi_init returned no handle (out of memory?); the transport cannot start.")
        }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxConnectionsPerHost)
        if let cacheSize = configuration.maxCachedConnections {
            _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, cacheSize)
        }

        if let host {
            self.host = host
            host.host(self)
            return
        }
        self.host = nil
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let driver = Unmanaged<CurlMultiDriver>.fromOpaque(context!).takeRetainedValue()
            ThreadName.setCurrent("xhrtape-curl")
            driver.run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<CurlMultiDriver>.fromOpaque(context).release()
            curl_multi_cleanup(multi)
            throw CurlTransportError(code: .initializationFailed, message: "Could not start the libcurl driver thread: \(String(cString: strerror(created))). The process may have too many threads.")
        }
        inbox.withLock { $0.thread = thread }
    }

    /// Easy handles currently inside the multi handle.
    var attachedCount: Int {
        inbox.withLock { $0.attachedCount }
    }

    /// Hands `command` to the driver thread and wakes it.
    ///
    /// - Returns: false when the driver is shutting down and the command was dropped.
    func post(_ command: Command) -> Bool {
        let accepted = inbox.withLock { inbox in
            guard !inbox.stopping else { return false }
            // One wake-up per batch: commands already waiting have woken the poll, which
            // returns and takes them all (with this one) before it polls again.
            if inbox.commands.isEmpty, host == nil { curl_multi_wakeup(multi) }
            inbox.commands.append(command)
            return true
        }
        // Hosted, the host knows whether its thread is inside the poll (the wake takes the inbox lock).
        if accepted, let host { host.interruptIdle() }
        return accepted
    }

    /// Aborts every transfer, frees the multi handle and waits for the thread to end.
    /// Idempotent; later calls return at once.
    func shutdown() {
        let thread = inbox.withLock { inbox -> pthread_t? in
            guard !inbox.stopping else { return nil }
            inbox.stopping = true
            if !inbox.closed { curl_multi_wakeup(multi) }
            defer { if host == nil { inbox.thread = nil } }
            return inbox.thread
        }
        if let host {
            // Hosted: the host's thread tears down, now when this is that thread, else at its next turn.
            if let servingThread = inbox.withLock({ $0.thread }), pthread_equal(servingThread, pthread_self()) != 0 {
                serve()
            } else {
                host.execute { [self] in serve() }
            }
            return
        }
        guard let thread else { return }
        if pthread_equal(thread, pthread_self()) != 0 {
            pthread_detach(thread)  // called from a delivery on the driver thread itself
        } else {
            pthread_join(thread, nil)
        }
    }

    // MARK: The driver thread

    /// Queues `work` for `executor` until the end of this turn. On the driver thread only.
    func deliverAtEndOfTurn(to executor: any CurlEventExecutor, _ work: @escaping @Sendable () -> Void) {
        if let current = outboxExecutor, current !== executor { flushOutbox() }
        outboxExecutor = executor
        outbox.append(work)
    }

    /// Hands the turn's deliveries to their executor, in order, as one piece of work.
    private func flushOutbox() {
        guard let executor = outboxExecutor, !outbox.isEmpty else { return }
        let deliveries = outbox
        outbox.removeAll(keepingCapacity: true)
        outboxExecutor = nil
        outboxGeneration &+= 1
        executor.execute {
            for delivery in deliveries { delivery() }
        }
    }

    /// Waits on the sockets for up to `maximumMicros`, in whole milliseconds. On the host's thread.
    func wait(maximumMicros: Int64) {
        // A command posted after the last turn and before the host began idling woke nobody
        // (the host wakes only an idler that waits); it is seen here. One posted later wakes the poll.
        if inbox.withLock({ $0.closed || $0.stopping || !$0.commands.isEmpty }) { return }
        _ = curl_multi_poll(multi, nil, 0, Int32(clamping: maximumMicros / 1000), nil)
    }

    func wake() {
        inbox.withLock { inbox in
            if !inbox.closed { curl_multi_wakeup(multi) }
        }
    }

    /// One turn on the host's thread.
    func serve() {
        _ = turn()
    }

    /// Applies the posted commands, lets libcurl work, collects finished transfers and hands
    /// the turn's events over; when shutting down, tears down instead. On the driver thread.
    ///
    /// - Returns: false once the driver has shut down.
    private func turn() -> Bool {
        let (commands, stopping, closed) = inbox.withLock { inbox -> ([Command], Bool, Bool) in
            if inbox.thread == nil { inbox.thread = pthread_self() }  // hosted: the host's thread
            guard !inbox.closed else { return ([], true, true) }
            let commands = inbox.commands
            inbox.commands.removeAll(keepingCapacity: true)
            return (commands, inbox.stopping, false)
        }
        if closed { return false }
        for command in commands {
            apply(command)
        }
        if stopping {
            tearDown()
            return false
        }
        var running: Int32 = 0
        _ = curl_multi_perform(multi, &running)
        collectFinishedTransfers()
        flushOutbox()
        return true
    }

    private func run() {
        while turn() {
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func tearDown() {
        let failure = TransportFailure(.aborted, message: "The CurlTransport was shut down before the exchange finished.")
        for transfer in Array(attached.values) {
            if !transfer.task.isCancelled { transfer.abort(failure) }
            detach(transfer)
        }
        flushOutbox()
        inbox.withLock { $0.closed = true }
        curl_multi_cleanup(multi)
        host?.host(nil)
    }

    private func apply(_ command: Command) {
        switch command {
        case .add(let transfer):
            guard !transfer.task.isCancelled else {
                transfer.cleanup()
                return
            }
            transfer.markAdded()
            let code = curl_multi_add_handle(multi, transfer.easy)
            guard code == CURLM_OK else {
                transfer.abort(TransportFailure(.protocolError, message: "libcurl refused the transfer: \(String(cString: curl_multi_strerror(code))) (CURLMcode \(code.rawValue))."))
                transfer.cleanup()
                return
            }
            attached[transfer.easy] = transfer
            inbox.withLock { $0.attachedCount += 1 }
        case .cancel(let transfer):
            guard isAttached(transfer) else { return }
            transfer.recordCancellation()
            detach(transfer)
        case .resumeReceive(let transfer):
            guard isAttached(transfer) else { return }
            finishIfFailed(transfer, transfer.resumeReceive())
        case .resumeSend(let transfer):
            guard isAttached(transfer) else { return }
            finishIfFailed(transfer, transfer.resumeSend())
        }
    }

    private func collectFinishedTransfers() {
        var queued: Int32 = 0
        for _ in 0..<100_000 {  // bounded: libcurl queues at most one message per transfer
            guard let message = curl_multi_info_read(multi, &queued) else { return }
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = message.pointee.data.result
            guard let transfer = attached[easy] else { continue }
            transfer.complete(result: result)
            detach(transfer)
        }
    }

    /// A resume that failed (the kept chunk was rejected) ends the transfer at once.
    private func finishIfFailed(_ transfer: CurlTransfer, _ code: CURLcode) {
        guard code != CURLE_OK, isAttached(transfer) else { return }
        transfer.complete(result: code)
        detach(transfer)
    }

    private func isAttached(_ transfer: CurlTransfer) -> Bool {
        attached[transfer.easy] === transfer
    }

    private func detach(_ transfer: CurlTransfer) {
        guard isAttached(transfer) else { return }
        curl_multi_remove_handle(multi, transfer.easy)
        attached[transfer.easy] = nil
        transfer.cleanup()
        inbox.withLock { $0.attachedCount -= 1 }
    }
}
