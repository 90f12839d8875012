import Synchronization

/// Hands out connection numbers, 1, 2, 3 …, from any thread.
final class ConnectionIDSource: Sendable {
    private let last = Atomic<UInt64>(0)

    /// The next number.
    func next() -> UInt64 {
        last.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
