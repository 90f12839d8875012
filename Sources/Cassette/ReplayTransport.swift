public import Dispatch
public import TapeCore

/// A `Transport` that answers from a cassette: it finds the recorded exchange for each request
/// and plays its timeline on a scheduler, with every recorded gap, through `TimelinePlayer`.
///
/// Under a `VirtualScheduler` a slow recording replays instantly and identically every run; under
/// a `RealTimeScheduler` it replays at recorded speed (or as ``timing`` says).
///
/// Each request is redacted with the cassette's ``CassetteConfiguration/redactor`` before it is
/// matched, so redacted values match their placeholders. A request that matches nothing gets a
/// `failure` event (code `protocolError`, the closest-match explanation as its message) on the
/// next turn of the scheduler, and the error, with its structured ``CassetteError/miss``, is kept
/// in ``misses``.
///
/// Memory stays bounded whatever the cassette holds. An exchange whose body is at most
/// ``cachedBodyLimit`` is read whole on first use and kept (up to ``cacheBudgetBytes`` in all),
/// so a proxy replaying it again and again never goes back to the file. A larger body streams
/// from the file a megabyte at a time through ``Cassette/events(of:)``; with
/// ``demandWindowBytes`` set, its playback also waits for the consumer's acknowledgements
/// (see `TimelinePlayer`, whose `demand` is then set), so a slow client holds only a few
/// megabytes of it.
///
/// A proxy serving a large cassette in recorded order can also have the small exchanges read
/// ahead on a background queue while the ones before them play
/// (``readAheadInBackground(on:deliver:)``), up to ``readAheadSpans`` spans ahead, so serving
/// seldom waits for the file.
public final class ReplayTransport: Transport {
    /// The cassette replayed.
    public let cassette: Cassette
    /// How recorded offsets become playback times.
    public let timing: TimingMode
    /// Every request this transport could not serve, in order.
    public private(set) var misses: [CassetteError] = []
    /// Called with each miss as it happens (after it is added to ``misses``).
    public var onMiss: ((CassetteError) -> Void)?

    /// When set, playback pauses while this many delivered body bytes are unacknowledged;
    /// the consumer acknowledges through the player's `demand` (a `TimelinePlayer`).
    public var demandWindowBytes: Int?

    /// Bodies up to this many bytes are played from memory, read once and kept.
    public static let cachedBodyLimit = 256 << 10
    /// The most body bytes of kept timelines; past it, the ones kept longest are dropped.
    public static let cacheBudgetBytes = 64 << 20
    /// How many ids one read of small exchanges spans.
    public static let readAheadCount = 64
    /// How many spans past the exchange being served background reads reach.
    public static let readAheadSpans = 4

    private let scheduler: any Scheduler
    private var matcher: RequestMatcher
    /// Each complete exchange's response body length, to choose between memory and streaming.
    private let bodyLengths: [ExchangeID: Int64]
    private var keptTimelines = TimelineCache(budgetBytes: ReplayTransport.cacheBudgetBytes)
    /// The highest complete exchange id (0 for an empty cassette).
    private let lastID: Int64

    /// Background read-ahead: where reads run and how their results come back to this
    /// transport's context; nil reads only when an exchange is needed.
    private var background: (queue: DispatchQueue, deliver: @Sendable (@escaping @Sendable () -> Void) -> Void)?
    /// Ids below this were read (or are being read) ahead.
    private var readAheadEnd: Int64 = 0
    /// The ids of the background read running or whose result is not kept yet.
    private var readInFlight: Range<Int64>?
    /// A background read is running or its result has not been kept yet.
    public var isReadingAhead: Bool { readInFlight != nil }
    /// The small exchange served last: where background reads reach from.
    private var lastServed: ExchangeID?
    /// How many exchanges a background read kept before they were needed.
    public private(set) var exchangesReadAhead = 0

    /// Prepares to replay `cassette`, indexing its requests.
    ///
    /// - Parameters:
    ///   - cassette: The cassette to replay.
    ///   - scheduler: Where playback is scheduled; events are delivered on its context.
    ///   - timing: How recorded offsets become playback times.
    ///   - matching: What a request must share with a recording.
    /// - Throws: ``CassetteError`` if the cassette's requests cannot be read.
    public init(
        cassette: Cassette, scheduler: any Scheduler, timing: TimingMode = .original, matching: MatchOptions = MatchOptions()
    ) throws(CassetteError) {
        self.cassette = cassette
        self.scheduler = scheduler
        self.timing = timing
        self.matcher = RequestMatcher(
            recorded: try cassette.recordedRequests(includingBodies: matching.body != nil), options: matching)
        self.bodyLengths = try cassette.responseBodyLengths()
        self.lastID = bodyLengths.keys.map(\.rawValue).max() ?? 0
    }

    /// Reads the small exchanges after the one being served on `queue`, a read-ahead span
    /// before they are needed; `deliver` must run the closure it is given on this
    /// transport's context (the scheduler's thread: `RealTimeScheduler.execute`).
    ///
    /// What is served does not change, only when the file is read. Leave it off under a
    /// `VirtualScheduler`, whose runs must not depend on another thread.
    public func readAheadInBackground(on queue: DispatchQueue, deliver: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void) {
        background = (queue, deliver)
    }

    /// Starts no more background reads (a read running still delivers); what is served then
    /// reads the cassette when it needs to. Call before the cassette may close, then wait for
    /// the queue (`queue.sync {}`).
    public func stopReadingAhead() {
        background = nil
    }

    public func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        do {
            return try play(lookup(request), to: delegate)
        } catch {
            return fail(with: error, delegate: delegate)
        }
    }

    /// Finds and uses up the recording for `request` (redacting it first).
    ///
    /// - Throws: ``CassetteError/Code/noMatch`` or ``CassetteError/Code/exhausted``.
    public func lookup(_ request: ExchangeRequest) throws(CassetteError) -> ExchangeID {
        try matcher.match(cassette.configuration.redactor.redact(request))
    }

    /// Plays exchange `id` to `delegate`; a timeline that cannot be read is delivered as a failure.
    func play(_ id: ExchangeID, to delegate: any TransportDelegate) -> any TransportTask {
        do {
            let player: TimelinePlayer
            if let length = bodyLengths[id], length <= Self.cachedBodyLimit {
                // One batch, already in memory: nothing to wait for.
                player = TimelinePlayer(source: InMemoryTimelineSource(entries: try keptEntries(of: id)), timing: timing, scheduler: scheduler)
            } else {
                let demand = demandWindowBytes.map { PlaybackDemand(windowBytes: $0) }
                player = TimelinePlayer(source: try cassette.events(of: id), timing: timing, scheduler: scheduler, demand: demand)
            }
            player.play(to: delegate)
            return player
        } catch {
            return fail(with: error, delegate: delegate)
        }
    }

    /// The entries of small exchange `id`, from memory once read. A miss reads ahead: the
    /// small exchanges among the next ``readAheadCount`` ids come in the same transaction,
    /// since replays mostly serve a cassette in recorded order; but when the background read
    /// running holds `id`, only `id` is read (the span would be read twice, and every client
    /// served by this thread would wait for it).
    private func keptEntries(of id: ExchangeID) throws(CassetteError) -> [Timeline.Entry] {
        lastServed = id
        defer { readAheadInBackground(after: id) }
        if let kept = keptTimelines[id] { return kept }
        let read: [ExchangeID: [Timeline.Entry]]
        if readInFlight?.contains(id.rawValue) == true {
            read = try cassette.smallTimelines(from: id, idCount: 1, maxBodyBytes: Int64(Self.cachedBodyLimit))
        } else {
            read = try cassette.smallTimelines(from: id, idCount: Self.readAheadCount, maxBodyBytes: Int64(Self.cachedBodyLimit))
            readAheadEnd = max(readAheadEnd, id.rawValue + Int64(Self.readAheadCount))
        }
        guard let entries = read[id] else { throw Cassette.notFound(id, path: cassette.path) }
        keep(read)
        return entries
    }

    /// Starts a background read of the next span while fewer than ``readAheadSpans`` spans of
    /// ids after `id` have been read, unless one is running (each read, as it lands, starts the
    /// next): reads stay spans ahead of what is served, so a slow read seldom makes it wait.
    private func readAheadInBackground(after id: ExchangeID) {
        guard let background, readInFlight == nil, readAheadEnd <= lastID,
              readAheadEnd - id.rawValue <= Int64(Self.readAheadCount * Self.readAheadSpans)
        else { return }
        let first = ExchangeID(rawValue: max(readAheadEnd, id.rawValue + 1))
        readAheadEnd = first.rawValue + Int64(Self.readAheadCount)
        readInFlight = first.rawValue..<readAheadEnd
        let cassette = cassette
        // Touched only on this transport's context: the closure runs there, through `deliver`.
        nonisolated(unsafe) let transport = self
        background.queue.async {
            // A read that fails is left to the synchronous read, which reports it.
            let read = (try? cassette.smallTimelines(from: first, idCount: Self.readAheadCount, maxBodyBytes: Int64(Self.cachedBodyLimit))) ?? [:]
            background.deliver {
                transport.readInFlight = nil
                transport.exchangesReadAhead += transport.keep(read)
                // The next span, if the served exchange has moved on while this one was read.
                if let served = transport.lastServed { transport.readAheadInBackground(after: served) }
            }
        }
    }

    /// Keeps `read`'s timelines that are not kept yet, in id order; returns how many it kept.
    @discardableResult
    private func keep(_ read: [ExchangeID: [Timeline.Entry]]) -> Int {
        var kept = 0
        for (id, timeline) in read.sorted(by: { $0.key < $1.key }) where keptTimelines.keep(timeline, for: id) {
            kept += 1
        }
        return kept
    }

    private func fail(with error: CassetteError, delegate: any TransportDelegate) -> any TransportTask {
        misses.append(error)
        onMiss?(error)
        return ReplayFailureTask(
            failure: TransportFailure(.protocolError, message: error.message), scheduler: scheduler, delegate: delegate)
    }
}

@available(*, unavailable, message: "A ReplayTransport belongs to its scheduler's context")
extension ReplayTransport: Sendable {}
