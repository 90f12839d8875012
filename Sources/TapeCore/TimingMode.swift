/// How a recorded timeline's offsets become playback times.
public enum TimingMode: Sendable, Hashable, CustomStringConvertible {
    /// Every event at its recorded offset.
    case original
    /// Every offset multiplied by `factor` (0.5 plays twice as fast; 0 is ``instant``).
    case scaled(Double)
    /// The response arrives all at once `latencyMicros` after the request, as
    /// Polly.js's fixed timing does: request-side events that precede the response
    /// play at 0, the response head and everything after it at `latencyMicros`.
    /// Chunk boundaries are kept, gaps are not.
    case fixed(latencyMicros: Int64)
    /// Order kept, every gap zero.
    case instant

    /// The playback offsets for `entries`, one per entry, never decreasing.
    public func playbackOffsets(for entries: [Timeline.Entry]) -> [Int64] {
        var clock = PlaybackClock(self)
        return entries.map { clock.offset(of: $0) }
    }

    /// Maps a timeline's entries to playback offsets one at a time, in order, for a
    /// player that reads its timeline in batches.
    public struct PlaybackClock: Sendable {
        private let mode: TimingMode
        /// For ``TimingMode/fixed(latencyMicros:)``: whether a response event was seen.
        private var responseStarted = false

        /// A clock for `mode`, before the first entry.
        public init(_ mode: TimingMode) {
            self.mode = mode
        }

        /// The playback offset of `entry`, the next entry of the timeline.
        public mutating func offset(of entry: Timeline.Entry) -> Int64 {
            switch mode {
            case .original:
                return entry.offsetMicros
            case .scaled(let factor):
                let factor = factor.isFinite ? max(0, factor) : 0
                return Int64((Double(entry.offsetMicros) * factor).rounded())
            case .fixed(let latency):
                switch entry.event {
                case .requestBodySent, .requestEnd:
                    if !responseStarted { return 0 }
                case .responseHead, .responseBodyChunk, .responseEnd, .failure:
                    responseStarted = true
                }
                return max(0, latency)
            case .instant:
                return 0
            }
        }
    }

    /// The command-line form: `original`, `instant`, `scaled:K`, `fixed:MS`.
    public var description: String {
        switch self {
        case .original: "original"
        case .instant: "instant"
        case .scaled(let factor): "scaled:\(factor)"
        case .fixed(let latency):
            latency % 1000 == 0 ? "fixed:\(latency / 1000)" : "fixed:\(Double(latency) / 1000)"
        }
    }

    /// Parses the command-line form (see ``description``); nil for anything else,
    /// including negative or non-finite numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("original", 1): self = .original
        case ("instant", 1): self = .instant
        case ("scaled", 2):
            guard let factor = Double(parts[1]), factor.isFinite, factor >= 0 else { return nil }
            self = .scaled(factor)
        case ("fixed", 2):
            guard let millis = Double(parts[1]), millis.isFinite, millis >= 0 else { return nil }
            self = .fixed(latencyMicros: Int64((millis * 1000).rounded()))
        default:
            return nil
        }
    }
}
