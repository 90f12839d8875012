/// Carries one request and reports what happens to it as timeline events.
///
/// Small on purpose, so that libcurl, a cassette replay and a scripted timeline all
/// fit: `start` returns at once, events arrive later on the transport's scheduler,
/// and `cancel` stops them.
public protocol Transport: AnyObject {
    /// Starts `request`. Events are delivered to `delegate` on the scheduler the
    /// transport was created with, never from inside this call.
    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask
}

/// One exchange in flight.
public protocol TransportTask: AnyObject {
    /// Stops the exchange. After `cancel` returns the delegate receives nothing more;
    /// cancelling twice, or after the terminal event, does nothing.
    func cancel()
}

/// Receives an exchange's events in order. The last event is always terminal
/// (``TimelineEvent/responseEnd(trailers:)`` or ``TimelineEvent/failure(_:)``),
/// unless the task was cancelled.
public protocol TransportDelegate: AnyObject {
    /// `event` happened `offsetMicros` after the request was issued.
    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64)
}
