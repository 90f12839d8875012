import Cassette
import CurlTransport
import Dispatch
import Logging
import TapeCore

/// Starts and cancels the proxy's exchanges on the ``TransportThread``: owns the
/// transport the mode calls for (a `RecordingTransport` over libcurl, a
/// `ReplayTransport`, or libcurl alone) and the exchanges in flight.
///
/// Everything here runs on the transport thread, so the cassette's blocking writes
/// never stall an event loop.
final class UpstreamDispatcher {
    private enum Backend {
        /// Record mode: the cassette in front of libcurl.
        case recording(RecordingTransport)
        /// Replay mode: the cassette only.
        case replay(ReplayTransport)
        /// Passthrough: libcurl only.
        case live
    }

    private let backend: Backend
    private let live: LiveTransport?
    /// The cassette recorded into, whose background commits ``shutdown()`` waits for.
    private let cassette: Cassette?
    private var exchanges: [ExchangeKey: UpstreamExchange] = [:]
    /// Set by ``shutdown()``: later requests are answered 503 without touching the cassette.
    private var isShutDown = false
    private let logger: Logger
    private let counters: ProxyCounters
    /// What a live exchange counts as: recorded, or passed through (record mode `passthrough`, or proxy mode passthrough).
    private let liveKind: ProxyCounters.Kind
    /// Which requests are the cassette's; the rest go upstream unrecorded (record) or are refused (replay).
    private let hostFilter: HostFilter
    /// Which requests may stream their bodies upstream as they arrive. Callable from any thread.
    let uploadStreamingPolicy: @Sendable (RequestHead) -> Bool
    /// Which streamed request bodies are recorded (their streams keep what they hand out). Callable from any thread.
    let uploadRecordingPolicy: @Sendable (RequestHead) -> Bool

    /// Builds the transports for `configuration.mode`; call on `thread`.
    init(configuration: ProxyConfiguration, thread: TransportThread, counters: ProxyCounters, logger: Logger) throws(ProxyError) {
        self.logger = logger
        self.counters = counters
        let hostFilter = configuration.hostFilter
        self.hostFilter = hostFilter
        switch configuration.mode {
        case .record(_, let recordMode, _, _): liveKind = recordMode == .passthrough ? .passedThrough : .recorded
        case .replay, .passthrough: liveKind = .passedThrough
        }
        func makeLive() throws(ProxyError) -> LiveTransport {
            var upstream = configuration.upstream
            upstream.demand = .explicit(maxBufferedBytes: max(configuration.maxBufferedResponseBytes, upstream.receiveBufferSize))
            do {
                return LiveTransport(curl: try CurlTransport(hostedBy: thread.scheduler, configuration: upstream))
            } catch {
                throw ProxyError(code: .transportUnavailable,
                                 message: "libcurl could not start for the proxy's upstream: \(error.description)", cause: error)
            }
        }
        do {
            switch configuration.mode {
            case .record(let cassette, let recordMode, let timing, let matching):
                let live = try makeLive()
                self.live = live
                let recording = try RecordingTransport(live: live, cassette: cassette, mode: recordMode,
                                                       scheduler: thread.scheduler, timing: timing, matching: matching)
                if recordMode != .passthrough, recordMode != .none {
                    // Exchanges commit on the cassette's writer thread, many to a transaction. Unless this
                    // recorder also replays from the cassette, a rollback journal writes each body once, not twice.
                    let journal: CommitJournal = recording.replaysWhileRecording ? .writeAheadLog : .rollback
                    try cassette.commitInBackground(journal: journal) { [logger] error in
                        logger.error("exchange not recorded", metadata: ["error": "\(error)"])
                    }
                    if cassette.commitJournal != journal {
                        logger.notice(
                            "recording with SQLite's write-ahead log: another connection has the cassette open",
                            metadata: ["cassette": "\(cassette.path)"])
                    }
                    self.cassette = cassette
                } else {
                    self.cassette = nil
                }
                recording.replayDemandWindowBytes = configuration.maxBufferedResponseBytes
                recording.readAheadInBackground(on: Self.readAheadQueue, deliver: thread.execute)
                recording.onRecordingError = { [logger] error in
                    logger.error("exchange not recorded", metadata: ["error": "\(error)"])
                }
                backend = .recording(recording)
                let recordingPolicy = recording.uploadStreamingPolicy
                // A request outside the host filter goes to libcurl alone, which streams any body.
                if hostFilter.includesEverything {
                    uploadStreamingPolicy = recordingPolicy
                } else {
                    uploadStreamingPolicy = { @Sendable head in !hostFilter.includes(url: head.url) || recordingPolicy(head) }
                }
                let recordsUploads = recordMode != .passthrough
                uploadRecordingPolicy = { @Sendable head in recordsUploads && hostFilter.includes(url: head.url) }
            case .replay(let cassette, let timing, let matching):
                live = nil
                self.cassette = nil
                let replay = try ReplayTransport(cassette: cassette, scheduler: thread.scheduler, timing: timing, matching: matching)
                replay.demandWindowBytes = configuration.maxBufferedResponseBytes
                replay.readAheadInBackground(on: Self.readAheadQueue, deliver: thread.execute)
                backend = .replay(replay)
                uploadStreamingPolicy = { _ in false }
                uploadRecordingPolicy = { _ in false }
            case .passthrough:
                live = try makeLive()
                cassette = nil
                backend = .live
                uploadStreamingPolicy = { _ in true }
                uploadRecordingPolicy = { _ in false }
            }
        } catch let error as CassetteError {
            throw ProxyError(code: .cassetteUnusable, message: error.message, cause: error)
        } catch let error as ProxyError {
            throw error
        } catch {
            throw ProxyError(code: .cassetteUnusable, message: "\(error)", cause: error)
        }
    }

    /// Where replayed exchanges are read from the cassette ahead of their requests, beside the transport thread.
    private static let readAheadQueue = DispatchQueue(label: "xhrtape.proxy.replay-read-ahead")

    /// How many exchanges are in flight.
    var inFlightCount: Int { exchanges.count }

    /// Starts `request` for exchange `key`; its signals go to `sink`.
    /// - Parameter receivedAt: when the request's head reached the proxy; the recording
    ///   counts offsets from then.
    /// - Parameter upload: the request body as it arrives, for a request the
    ///   ``uploadStreamingPolicy`` lets stream; nil when `request.body` is the whole body.
    func start(_ request: ExchangeRequest, key: ExchangeKey, sink: ExchangeSink, receivedAt: ContinuousClock.Instant = .now,
               upload: RequestBodyStream? = nil) {
        guard !isShutDown else {
            // A kept-alive connection's request after ``shutdown()``: the cassette may be closing.
            sink.send(.unanswerable(.stopping()), for: key)
            return
        }
        let exchange = UpstreamExchange(key: key, sink: sink, counters: counters) { [weak self] key in
            self?.exchanges[key] = nil
        }
        exchanges[key] = exchange
        let missesBefore = misses.count
        let task: any TransportTask
        let excluded = !hostFilter.includes(url: request.head.url)
        switch backend {
        case .replay where excluded:
            // A replaying proxy never contacts upstream: refuse, without a cassette lookup or a miss.
            exchanges[key] = nil
            counters.filtered()
            sink.send(.unanswerable(.outsideHostFilter(url: request.head.url, filter: hostFilter)), for: key)
            return
        case .recording where excluded, .live:
            task = upload.map { live!.start(request, upload: $0, delegate: exchange) } ?? live!.start(request, delegate: exchange)
        case .recording(let recording):
            let queued = (ContinuousClock.now - receivedAt).wholeMicroseconds
            task = recording.start(request, upload: upload, delegate: exchange, startedLateByMicros: queued)
        case .replay(let replay):
            precondition(upload == nil, "a replaying proxy streamed a request body")
            task = replay.start(request, delegate: exchange)
        }
        let liveTask = live?.takeStarted()
        exchange.kind = liveTask == nil ? .replayed : excluded ? .passedThrough : liveKind
        let acknowledger: (any BodyAcknowledging)? = liveTask ?? (task as? TimelinePlayer)?.demand
        if misses.count > missesBefore, let error = misses.last {
            // The cassette could not answer: the task would only deliver a failure; answer instead.
            task.cancel()
            exchanges[key] = nil
            let answer: ProxyAnswer = error.code == .noMatch || error.code == .exhausted
                ? .replayMiss(error) : .cassetteFailure(error)
            if error.code == .noMatch || error.code == .exhausted { counters.missed() }
            sink.send(.unanswerable(answer), for: key)
            return
        }
        guard exchanges[key] != nil else { return }  // already finished (cannot happen: events come later)
        exchange.task = task
        sink.send(.started(acknowledger: acknowledger, kind: exchange.kind), for: key)
    }

    /// Cancels exchange `key` because its connection went away (the client left, or the
    /// proxy cut it off at stop). A recording exchange is stored as failed with `failure`
    /// where it stood.
    func abandon(_ key: ExchangeKey, recordingAs failure: TransportFailure) {
        guard let exchange = exchanges.removeValue(forKey: key) else { return }
        if let task = exchange.task, case .recording(let recording) = backend {
            recording.cancel(task, recordingFailure: failure)
            if exchange.kind == .recorded { counters.finished(.recorded, failed: false) }
        } else {
            exchange.task?.cancel()
        }
        exchange.task = nil
    }

    /// Cancels exchange `key` without recording it (the proxy is shutting down).
    func cancel(_ key: ExchangeKey) {
        guard let exchange = exchanges.removeValue(forKey: key) else { return }
        exchange.task?.cancel()
        exchange.task = nil
    }

    /// Cancels every exchange and stops libcurl.
    func shutdown() {
        isShutDown = true
        for key in Array(exchanges.keys) { cancel(key) }
        live?.curl.shutdown()
        cassette?.flushBackgroundCommits()
        switch backend {
        case .recording(let recording): recording.stopReadingAhead()
        case .replay(let replay): replay.stopReadingAhead()
        case .live: break
        }
        Self.readAheadQueue.sync {}  // a read ahead in progress finishes before the cassette may be closed
    }

    private var misses: [CassetteError] {
        switch backend {
        case .recording(let recording): recording.misses
        case .replay(let replay): replay.misses
        case .live: []
        }
    }
}

@available(*, unavailable, message: "An UpstreamDispatcher belongs to the transport thread")
extension UpstreamDispatcher: Sendable {}
