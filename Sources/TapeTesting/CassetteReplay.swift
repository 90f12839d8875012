public import Cassette
public import TapeCore
public import Trace
public import XHR

/// Runs a test's XMLHttpRequest code against a cassette on a virtual clock and returns
/// the trace: the one call a test needs.
///
/// ```swift
/// @Test func listShowsSpinnerUntilLoad() throws {
///     let trace = try CassetteReplay.trace(cassette: "recordings/api.sqlite") { replay in
///         let xhr = replay.makeXHR()
///         xhr.timeout = 2_000
///         try xhr.open("GET", "http://127.0.0.1:9000/items")
///         try xhr.send()
///     }
///     #expect(trace.events(ofXHR: 0).map(\.type).contains("load"))
/// }
/// ```
///
/// The closure creates XHRs with ``makeXHR()`` (each is traced) and may schedule work
/// on ``scheduler``; after it returns, the scheduler runs until nothing is left, so
/// every recorded gap, timeout and progress timer plays out in virtual time.
/// A request the cassette cannot answer gets a network error, and the miss (with the
/// closest recorded exchange) is in ``misses``; ``trace(cassette:profile:timing:matching:failOnMiss:_:)``
/// throws it unless asked not to.
public final class CassetteReplay {
    /// The virtual clock everything runs on.
    public let scheduler = VirtualScheduler()
    /// The replaying transport (its ``ReplayTransport/misses`` are the misses so far).
    public let transport: ReplayTransport
    /// The profile every XHR made by ``makeXHR()`` uses.
    public let profile: XHRProfile
    private let recorder: TraceRecorder
    /// Every XHR made, kept alive as a page keeps an in-flight request alive.
    public private(set) var xhrs: [XMLHttpRequest] = []

    /// A replay of an already opened cassette.
    public init(cassette: Cassette, profile: XHRProfile = .spec, timing: TimingMode = .original, matching: MatchOptions = MatchOptions()) throws(CassetteError) {
        self.transport = try ReplayTransport(cassette: cassette, scheduler: scheduler, timing: timing, matching: matching)
        self.profile = profile
        self.recorder = TraceRecorder(profile: profile, source: .replay)
    }

    /// A new XMLHttpRequest on the replay, traced.
    public func makeXHR(baseURL: String? = nil) -> XMLHttpRequest {
        let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler, profile: profile, baseURL: baseURL)
        recorder.track(xhr)
        xhrs.append(xhr)
        return xhr
    }

    /// Requests the cassette could not answer.
    public var misses: [CassetteError] { transport.misses }

    /// The trace so far.
    public var trace: TraceDocument {
        // The recorder always starts with its header line.
        try! TraceDocument(recorded: recorder.lines)
    }

    /// Opens `cassette` read-only, runs `body`, drives the virtual clock until idle and
    /// returns the trace.
    ///
    /// - Parameter failOnMiss: throw the first miss (default) rather than return a trace
    ///   in which that XHR got a network error.
    /// - Throws: what `body` throws, a ``CassetteError`` opening the cassette or for the
    ///   first miss, or ``CassetteReplayError/neverSettled`` when work keeps rescheduling
    ///   itself past ten million tasks.
    public static func trace(
        cassette path: String, profile: XHRProfile = .spec, timing: TimingMode = .original,
        matching: MatchOptions = MatchOptions(), failOnMiss: Bool = true,
        _ body: (CassetteReplay) throws -> Void
    ) throws -> TraceDocument {
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        let replay = try CassetteReplay(cassette: cassette, profile: profile, timing: timing, matching: matching)
        try body(replay)
        guard replay.scheduler.runUntilIdle() else { throw CassetteReplayError.neverSettled }
        if failOnMiss, let miss = replay.misses.first { throw miss }
        return replay.trace
    }
}

/// Why ``CassetteReplay/trace(cassette:profile:timing:matching:failOnMiss:_:)`` gave up.
public enum CassetteReplayError: Error, CustomStringConvertible {
    /// Scheduled work kept rescheduling itself (a listener re-sending forever?).
    case neverSettled

    public var description: String {
        "the replay did not settle after ten million scheduled tasks: does a listener re-send forever?"
    }
}

@available(*, unavailable, message: "A CassetteReplay belongs to the context that drives its scheduler")
extension CassetteReplay: Sendable {}
