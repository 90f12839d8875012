import Synchronization

/// The proxy's port, known only once the listener is bound; read by each new connection.
final class ProxyPortBox: Sendable {
    private let port = Atomic<Int>(0)

    /// The bound port (0 until ``set(_:)``).
    var value: Int { port.load(ordering: .acquiring) }

    /// Records the bound port.
    func set(_ value: Int) { port.store(value, ordering: .releasing) }
}
