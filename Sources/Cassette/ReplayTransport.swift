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
    /// The most body bytes of kept timelines; past it, the kept ones are dropped.
    public static let cacheBudgetBytes = 64 << 20
    /// How many ids one read of small exchanges spans.
    public static let readAheadCount = 64

    private let scheduler: any Scheduler
    private var matcher: RequestMatcher
    /// Each complete exchange's response body length, to choose between memory and streaming.
    private let bodyLengths: [ExchangeID: Int64]
    private var keptTimelines: [ExchangeID: [Timeline.Entry]] = [:]
    private var keptBytes = 0

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
    /// since replays mostly serve a cassette in recorded order.
    private func keptEntries(of id: ExchangeID) throws(CassetteError) -> [Timeline.Entry] {
        if let kept = keptTimelines[id] { return kept }
        let read = try cassette.smallTimelines(from: id, idCount: Self.readAheadCount, maxBodyBytes: Int64(Self.cachedBodyLimit))
        guard let entries = read[id] else { throw Cassette.notFound(id, path: cassette.path) }
        for (readID, entries) in read {
            let size = entries.reduce(64) { size, entry in
                if case .responseBodyChunk(let bytes) = entry.event { return size + bytes.count + 64 }
                return size + 64
            }
            if keptBytes + size > Self.cacheBudgetBytes {
                keptTimelines = [:]
                keptBytes = 0
            }
            keptTimelines[readID] = entries
            keptBytes += size
        }
        return entries
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
