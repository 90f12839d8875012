import Synchronization

/// The acknowledgements a ``TimelinePlayer`` waits for before it delivers more body
/// bytes: playback pauses while ``windowBytes`` or more delivered bytes are
/// unacknowledged, and goes on once acknowledgements bring them under the window.
///
/// The player, on its scheduler, reads the count; the consumer adds to it from any thread.
public final class PlaybackDemand: BodyAcknowledging {
    /// The most delivered bytes left unacknowledged before playback pauses.
    public let windowBytes: Int
    private let acknowledged = Atomic<Int>(0)

    /// A demand that pauses playback at `windowBytes` unacknowledged bytes (at least 1).
    public init(windowBytes: Int) {
        self.windowBytes = max(1, windowBytes)
    }

    /// Every byte acknowledged so far.
    public var acknowledgedBytes: Int { acknowledged.load(ordering: .acquiring) }

    public func acknowledge(byteCount: Int) {
        guard byteCount > 0 else { return }
        acknowledged.add(byteCount, ordering: .releasing)
    }
}
