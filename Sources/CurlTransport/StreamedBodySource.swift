public import TapeCore

/// A request body read from a ``TapeCore/RequestBodyStream`` while it still arrives: the
/// upload pauses when the stream is empty and resumes when its producer adds bytes.
///
/// Start the transfer with ``CurlTransport/start(_:upload:delegate:)``, which wires the
/// resumption. It cannot rewind, so a reused connection that dies under the request
/// fails the exchange with `connectionReset` instead of resending.
public final class StreamedBodySource: RequestBodySource {
    private let stream: RequestBodyStream

    /// A source reading `stream`.
    public init(_ stream: RequestBodyStream) {
        self.stream = stream
    }

    public var length: Int64? { stream.length }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult {
        switch stream.read(into: buffer) {
        case .bytes(let count): return .bytes(count)
        case .end: return .end
        case .wouldBlock: return .wouldBlock
        case .failed(let reason): throw StreamedBodyError(reason: reason)
        }
    }
}

/// The producer of a streamed request body gave up.
struct StreamedBodyError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the request body was cut short: \(reason)" }
}

extension CurlTransport {
    /// Starts `request` with its body read from `upload` as it arrives (the request's own
    /// `body` is ignored).
    public func start(_ request: ExchangeRequest, upload: RequestBodyStream, delegate: any TransportDelegate) -> CurlTransportTask {
        let task = start(request, bodySource: StreamedBodySource(upload), delegate: delegate)
        upload.onReadable { [task] in task.resumeUpload() }
        return task
    }
}
