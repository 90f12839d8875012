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
/// Playback loads the matched exchange's timeline into memory (`TimelinePlayer` needs it whole);
/// a consumer that must stream very large bodies reads them with ``Cassette/events(of:)``.
public final class ReplayTransport: Transport {
    /// The cassette replayed.
    public let cassette: Cassette
    /// How recorded offsets become playback times.
    public let timing: TimingMode
    /// Every request this transport could not serve, in order.
    public private(set) var misses: [CassetteError] = []
    /// Called with each miss as it happens (after it is added to ``misses``).
    public var onMiss: ((CassetteError) -> Void)?

    private let scheduler: any Scheduler
    private var matcher: RequestMatcher

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
            let player = TimelinePlayer(timeline: try cassette.timeline(of: id), timing: timing, scheduler: scheduler)
            player.play(to: delegate)
            return player
        } catch {
            return fail(with: error, delegate: delegate)
        }
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
