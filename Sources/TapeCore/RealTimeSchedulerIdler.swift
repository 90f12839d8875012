/// What a ``RealTimeScheduler``'s driving thread does instead of sleeping when it hosts
/// another event source (libcurl's multi handle), so both run on one thread.
public protocol RealTimeSchedulerIdler: AnyObject, Sendable {
    /// Serves the idler's own events without waiting, handing what they produce to the
    /// scheduler as work. Called on the scheduler's driving thread only.
    func serve()

    /// Waits up to `maximumMicros` for the idler's own events, or until ``wake()``.
    /// Called on the scheduler's driving thread only, after a ``serve()``
    /// that handed over no work.
    func wait(maximumMicros: Int64)

    /// Ends a ``wait(maximumMicros:)`` in progress, or the next one, at once. Callable
    /// from any thread.
    func wake()
}
