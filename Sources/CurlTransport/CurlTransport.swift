public import TapeCore

/// Live HTTP through libcurl: a `Transport` whose timelines carry the true arrival time
/// of every read.
///
/// One libcurl multi handle runs on a thread of its own (``CurlMultiDriver``), or on the
/// thread of the `RealTimeScheduler` that hosts it (``init(hostedBy:configuration:)``); any
/// number of exchanges share it and its connection cache. Offsets are measured there on
/// the monotonic clock, from the moment ``start(_:bodySource:demand:delegate:)`` was
/// called; events are then handed to the ``CurlEventExecutor`` the transport was
/// created with, usually the `RealTimeScheduler` an XHR runs on:
///
/// ```swift
/// let scheduler = RealTimeScheduler()
/// let transport = try CurlTransport(executor: scheduler)
/// let task = transport.start(ExchangeRequest(head: RequestHead(method: "GET", url: url)), delegate: recorder)
/// _ = scheduler.run(until: { recorder.isFinished }, timeoutMicros: 10_000_000)
/// transport.shutdown()
/// ```
///
/// What is recorded is what crossed the wire: the status line with its reason phrase,
/// header fields in order and case, body bytes before content decoding (gzip stays
/// gzip; chunked framing is removed), trailers, and failures as `TransportFailure`
/// codes (see `TransportFailure.Code.forCurlResult(_:)` for the mapping). Redirects
/// are not followed. HTTP/1.1 unless the request head asks for HTTP/2.
public final class CurlTransport: Transport, Sendable {
    /// The settings every exchange of this transport uses.
    public let configuration: Configuration
    private let executor: any CurlEventExecutor
    private let driver: CurlMultiDriver

    /// Starts the driver thread.
    ///
    /// - Parameters:
    ///   - executor: where events are delivered; a `RealTimeScheduler` for an XHR.
    ///   - configuration: proxy, TLS trust, timeouts and backpressure defaults.
    /// - Throws: ``CurlTransportError`` when the configuration is out of range or
    ///   libcurl cannot start.
    public init(executor: any CurlEventExecutor, configuration: Configuration = Configuration()) throws(CurlTransportError) {
        try configuration.validate()
        self.configuration = configuration
        self.executor = executor
        self.driver = try CurlMultiDriver(configuration: configuration)
    }

    /// Runs libcurl on the thread that drives `scheduler`, where the events are delivered
    /// too: no thread of its own and no hand-over between threads per event. The scheduler's
    /// thread waits on libcurl's sockets while no work is due (`RealTimeScheduler.host(_:)`).
    ///
    /// ``shutdown()`` on that thread aborts the transfers at once; from another thread it
    /// is done at the thread's next turn, so keep driving the scheduler until then. The
    /// scheduler holds the transport until it has shut down.
    ///
    /// The proxy uses this: on 2 cores, 1 KiB exchanges through a recording proxy ran about
    /// a tenth faster than with libcurl on a thread of its own.
    public init(hostedBy scheduler: RealTimeScheduler, configuration: Configuration = Configuration()) throws(CurlTransportError) {
        try configuration.validate()
        self.configuration = configuration
        self.executor = scheduler
        self.driver = try CurlMultiDriver(configuration: configuration, host: scheduler)
    }

    deinit {
        driver.shutdown()
    }

    /// Starts `request` with its in-memory body and the configuration's backpressure
    /// defaults. See ``start(_:bodySource:demand:delegate:)``.
    public func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        start(request, bodySource: nil, demand: nil, delegate: delegate)
    }

    /// Starts `request`; events reach `delegate` on the executor, never from inside this call.
    ///
    /// - Parameters:
    ///   - request: the head to send; its `body` is sent when `bodySource` is nil.
    ///     `POST` and `PUT` without a body send `Content-Length: 0`, as browsers do.
    ///   - bodySource: a streamed body that replaces `request.body` (which must then be
    ///     empty); read on the driver thread as libcurl sends.
    ///   - demand: the backpressure policy; nil for the configuration's ``Configuration/demand``.
    ///   - delegate: receives the events; kept until the terminal event or ``CurlTransportTask/cancel()``.
    /// - Returns: the task, to cancel it or acknowledge body bytes.
    public func start(_ request: ExchangeRequest, bodySource: sending (any RequestBodySource)?, demand: ResponseBodyDemand? = nil,
                      delegate: any TransportDelegate) -> CurlTransportTask {
        precondition(bodySource == nil || request.body.isEmpty,
                     "Give a request body either in ExchangeRequest.body or as a RequestBodySource, not both")
        let startedAt = ContinuousClock.now
        let task = CurlTransportTask(request: request, demand: demand ?? configuration.demand, executor: executor,
                                     driver: driver, delegate: delegate)
        do {
            let transfer = try CurlTransfer(request: request, bodySource: bodySource, configuration: configuration,
                                            task: task, startedAt: startedAt)
            task.attach(transfer)
            if !driver.post(.add(transfer)) {
                task.attach(nil)
                transfer.cleanup()
                task.finish(with: .failure(TransportFailure(.aborted, message: "The CurlTransport was shut down; create a new one to start exchanges.")),
                            offsetMicros: (ContinuousClock.now - startedAt).wholeMicroseconds, metrics: nil, onDriverThread: false)
            }
        } catch {
            task.finish(with: .failure(error), offsetMicros: (ContinuousClock.now - startedAt).wholeMicroseconds, metrics: nil,
                        onDriverThread: false)
        }
        return task
    }

    /// Stops the driver: every exchange still running ends with a `failure` whose code is
    /// `aborted` (cancelled tasks get nothing), libcurl's handles and connections are
    /// freed, and the thread ends before this returns. Later ``start(_:delegate:)``
    /// calls fail the same way. Idempotent; also done when the transport is released.
    public func shutdown() {
        driver.shutdown()
    }

    /// Easy handles inside libcurl right now: transfers started and neither finished nor
    /// cancelled (a cancelled one leaves on the driver thread's next turn).
    package var activeTransferCount: Int {
        driver.attachedCount
    }
}
