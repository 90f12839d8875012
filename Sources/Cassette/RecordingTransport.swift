public import Foundation
public import TapeCore

/// A `Transport` that puts a cassette in front of a live transport, following a ``RecordMode``:
/// it replays what it may, sends the rest to the live transport, and tees each live timeline into
/// the cassette event by event as it arrives.
///
/// ```swift
/// let cassette = try Cassette(path: "users.sqlite")
/// let transport = try RecordingTransport(live: curl, cassette: cassette, mode: .once, scheduler: scheduler)
/// let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler)
/// ```
///
/// The client sees the live events exactly as the live transport delivers them, whatever happens
/// to the recording: a failure to record (a full disk, a body that cannot be redacted) is kept in
/// ``recordingErrors`` and never reaches the client. A cancelled request is not recorded.
public final class RecordingTransport: Transport {
    /// The record mode.
    public let mode: RecordMode
    /// The cassette recorded into and replayed from.
    public let cassette: Cassette
    /// Errors that kept exchanges out of the cassette, in order.
    public private(set) var recordingErrors: [CassetteError] = []
    /// Called with each recording error as it happens.
    public var onRecordingError: ((CassetteError) -> Void)?

    /// Requests that replay could not serve (modes `once` with recordings, and `none`).
    public var misses: [CassetteError] { replay?.misses ?? [] }

    private enum Behaviour {
        case liveOnly, replayOnly, replayOrRecord, recordReplacing
    }

    private let behaviour: Behaviour
    private let live: any Transport
    private let replay: ReplayTransport?
    private var existing: RequestMatcher?
    private let metadata: (ExchangeRequest) -> ExchangeMetadata
    private let wallClock: () -> Date
    private let scheduler: any Scheduler

    /// Creates a transport over `live` and `cassette`.
    ///
    /// - Parameters:
    ///   - live: The transport that reaches the network.
    ///   - cassette: The cassette; it must be open for writing unless the mode never records.
    ///   - mode: When to record and when to replay.
    ///   - scheduler: Where replayed timelines are played (the live transport has its own).
    ///   - timing: How replayed offsets become playback times.
    ///   - matching: What a request must share with a recording (also decides, in mode `all`,
    ///     which old recordings a new one replaces).
    ///   - metadata: Addresses and TLS for each recorded request; by default TLS is inferred
    ///     from the URL scheme.
    ///   - wallClock: The clock for each exchange's start time.
    /// - Throws: ``CassetteError/Code/readOnly`` if the mode must record into a read-only cassette,
    ///   or an error reading the cassette's requests.
    public init(
        live: any Transport, cassette: Cassette, mode: RecordMode, scheduler: any Scheduler,
        timing: TimingMode = .original, matching: MatchOptions = MatchOptions(),
        metadata: ((ExchangeRequest) -> ExchangeMetadata)? = nil,
        wallClock: @escaping () -> Date = Date.init
    ) throws(CassetteError) {
        self.mode = mode
        self.cassette = cassette
        self.live = live
        self.metadata = metadata ?? ExchangeMetadata.inferred(from:)
        self.wallClock = wallClock
        self.scheduler = scheduler
        switch mode {
        case .passthrough: behaviour = .liveOnly
        case .none: behaviour = .replayOnly
        case .once: behaviour = cassette.exchangeCountAtOpen > 0 ? .replayOnly : .recordReplacing
        case .new: behaviour = .replayOrRecord
        case .all: behaviour = .recordReplacing
        }
        if behaviour == .replayOrRecord || behaviour == .recordReplacing, cassette.access == .readOnly {
            throw CassetteError(
                code: .readOnly,
                message: "Record mode `\(mode)` records into \(cassette.path), which was opened read-only. "
                    + "Open it with access .readWrite, or use record mode `none` to replay only.")
        }
        switch behaviour {
        case .replayOnly, .replayOrRecord:
            replay = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: timing, matching: matching)
        case .liveOnly, .recordReplacing:
            replay = nil
        }
        if behaviour == .recordReplacing, cassette.exchangeCountAtOpen > 0 {
            existing = RequestMatcher(recorded: try cassette.recordedRequests(includingBodies: matching.body != nil), options: matching)
        }
    }

    /// Whether this transport reads recordings from the cassette while it records into it: in mode
    /// `new` on a cassette that held exchanges when it was opened. Its cassette should then keep
    /// the write-ahead log, whose readers never wait for the writer (see ``CommitJournal``).
    public var replaysWhileRecording: Bool {
        behaviour == .replayOrRecord && cassette.exchangeCountAtOpen > 0
    }

    /// Reads replayed exchanges ahead in the background (see ``ReplayTransport/readAheadInBackground(on:deliver:)``);
    /// nothing in modes that never replay.
    public func readAheadInBackground(on queue: DispatchQueue, deliver: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void) {
        replay?.readAheadInBackground(on: queue, deliver: deliver)
    }

    /// Starts no more background reads of replayed exchanges (see ``ReplayTransport/stopReadingAhead()``).
    public func stopReadingAhead() {
        replay?.stopReadingAhead()
    }

    /// The acknowledgement window of replayed exchanges (see ``ReplayTransport/demandWindowBytes``).
    public var replayDemandWindowBytes: Int? {
        get { replay?.demandWindowBytes }
        set { replay?.demandWindowBytes = newValue }
    }

    public func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        start(request, delegate: delegate, startedLateByMicros: 0)
    }

    /// Starts `request` like ``start(_:delegate:)``, for a request that arrived
    /// `startedLateByMicros` before this call (a proxy queues a request before its
    /// transport thread starts it): recorded offsets count from the arrival, so the
    /// cassette keeps the time the recording's client waited, not only the upstream's.
    public func start(_ request: ExchangeRequest, delegate: any TransportDelegate, startedLateByMicros: Int64) -> any TransportTask {
        start(request, upload: nil, delegate: delegate, startedLateByMicros: startedLateByMicros)
    }

    /// Which requests ``start(_:upload:delegate:startedLateByMicros:)`` can stream the body of:
    /// none unless the mode always goes to the network (a replay needs the whole request to
    /// match it) and the live transport is a `StreamingUploadTransport`; when recording, those
    /// whose body no redaction rule needs whole. Callable from any thread.
    public var uploadStreamingPolicy: @Sendable (RequestHead) -> Bool {
        guard behaviour == .liveOnly || behaviour == .recordReplacing, live is any StreamingUploadTransport else { return { _ in false } }
        if behaviour == .liveOnly { return { _ in true } }
        let redactor = cassette.configuration.redactor
        return { head in redactor.canRedactStreamedBody(of: head) }
    }

    /// Whether a request with `head` can have its body streamed (see ``uploadStreamingPolicy``).
    public func canStreamUpload(of head: RequestHead) -> Bool {
        uploadStreamingPolicy(head)
    }

    /// Starts `request` like ``start(_:delegate:startedLateByMicros:)``, with its body read
    /// from `upload` as it arrives when `upload` is given (check ``canStreamUpload(of:)``
    /// first). A recording stores the body as it went upstream: each `requestBodySent` event
    /// keeps its bytes.
    public func start(
        _ request: ExchangeRequest, upload: RequestBodyStream?, delegate: any TransportDelegate, startedLateByMicros: Int64
    ) -> any TransportTask {
        if let upload {
            precondition(canStreamUpload(of: request.head), "a streamed upload in a mode or configuration that cannot take one")
            if behaviour == .liveOnly { return (live as! any StreamingUploadTransport).start(request, upload: upload, delegate: delegate) }
            return record(request, upload: upload, delegate: delegate, lateness: max(0, startedLateByMicros))
        }
        switch behaviour {
        case .liveOnly:
            return live.start(request, delegate: delegate)
        case .replayOnly:
            return replay!.start(request, delegate: delegate)
        case .replayOrRecord:
            if let id = try? replay!.lookup(request) {
                return replay!.play(id, to: delegate)
            }
            return record(request, delegate: delegate, lateness: max(0, startedLateByMicros))
        case .recordReplacing:
            return record(request, delegate: delegate, lateness: max(0, startedLateByMicros))
        }
    }

    private func record(
        _ request: ExchangeRequest, upload: RequestBodyStream? = nil, delegate: any TransportDelegate, lateness: Int64
    ) -> any TransportTask {
        var writer: ExchangeWriter?
        do {
            writer = try cassette.beginExchange(request, startedAt: wallClock(), metadata: metadata(request))
            if upload != nil { writer?.streamRequestBody() }
        } catch {
            report(error)
        }
        if let writer, let existing {
            writer.supersede(existing.candidates(for: writer.request))
        }
        let task = RecordingTask(
            writer: writer, downstream: delegate, transport: self, startedAtMicros: scheduler.nowMicros, storedOffsetShiftMicros: lateness,
            upload: upload)
        if let upload {
            task.liveTask = (live as! any StreamingUploadTransport).start(request, upload: upload, delegate: task)
        } else {
            task.liveTask = live.start(request, delegate: task)
        }
        return task
    }

    /// Cancels `task`, a task this transport started, and records the exchange as ending in
    /// `failure` where it stands (for example `TransportFailure(.clientGaveUp, message: "aborted by client")`
    /// when the client went away mid-body), instead of leaving it out of the cassette.
    ///
    /// A replayed or passed-through task, or one already finished, is only cancelled.
    /// The failure's offset is the time since the request started on this transport's
    /// scheduler, and never before the last recorded event.
    public func cancel(_ task: any TransportTask, recordingFailure failure: TransportFailure) {
        guard let task = task as? RecordingTask else {
            task.cancel()
            return
        }
        task.cancel(recording: failure, nowMicros: scheduler.nowMicros)
    }

    /// Keeps and announces an error that kept an exchange out of the cassette.
    func report(_ error: CassetteError) {
        recordingErrors.append(error)
        onRecordingError?(error)
    }
}

@available(*, unavailable, message: "A RecordingTransport belongs to its scheduler's context")
extension RecordingTransport: Sendable {}
