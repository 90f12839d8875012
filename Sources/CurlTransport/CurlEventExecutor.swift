public import TapeCore

/// Runs a transport's event deliveries on the consumer's context.
///
/// The driver thread hands every event to ``execute(_:)``; the executor runs the work
/// later, in the order given, on the thread that owns the delegate. `RealTimeScheduler`
/// is one (its `execute` wakes the thread driving it); a proxy can wrap its event loop.
public protocol CurlEventExecutor: AnyObject, Sendable {
    /// Runs `work` on the executor's context, after work handed in earlier. Callable
    /// from any thread; must not run `work` inside this call.
    func execute(_ work: @escaping @Sendable () -> Void)
}

extension RealTimeScheduler: CurlEventExecutor {}
