/// A transport that can send a request body while the body still arrives (a proxy
/// forwarding a large upload), instead of needing it whole in `ExchangeRequest.body`.
public protocol StreamingUploadTransport: Transport {
    /// Starts `request` with its body read from `upload` as it arrives; the request's own
    /// `body` is ignored.
    func start(_ request: ExchangeRequest, upload: RequestBodyStream, delegate: any TransportDelegate) -> any TransportTask
}
