import Synchronization

/// A flag set from a `@Sendable` closure and read by the test.
final class MarkerBox: Sendable {
    private let flag = Mutex(false)

    func set() { flag.withLock { $0 = true } }

    var isSet: Bool { flag.withLock { $0 } }
}
