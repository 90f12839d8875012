import CurlTransport
import TapeCore

/// The live side of the proxy: a `CurlTransport` that remembers the task it started
/// last, so the proxy can acknowledge body bytes to it once they reach the client
/// (a `RecordingTransport` hides the live task behind its own).
final class LiveTransport: StreamingUploadTransport {
    let curl: CurlTransport
    /// The task of the most recent ``start(_:delegate:)``; taken by ``takeStarted()``.
    private var started: CurlTransportTask?

    init(curl: CurlTransport) {
        self.curl = curl
    }

    func start(_ request: ExchangeRequest, delegate: any TransportDelegate) -> any TransportTask {
        let task = curl.start(request, bodySource: nil, delegate: delegate)
        started = task
        return task
    }

    func start(_ request: ExchangeRequest, upload: RequestBodyStream, delegate: any TransportDelegate) -> any TransportTask {
        let task = curl.start(request, upload: upload, delegate: delegate)
        started = task
        return task
    }

    /// The task started since the last call, if any.
    func takeStarted() -> CurlTransportTask? {
        defer { started = nil }
        return started
    }
}

@available(*, unavailable, message: "A LiveTransport belongs to the transport thread")
extension LiveTransport: Sendable {}
