import TapeCore

/// One recorded exchange in flight: the task the client holds, and the delegate the live
/// transport reports to, which writes each event and passes it on.
final class RecordingTask: TransportTask, TransportDelegate {
    var liveTask: (any TransportTask)?
    private var writer: ExchangeWriter?
    private var downstream: (any TransportDelegate)?
    private weak var transport: RecordingTransport?
    /// When the request started, on the recording transport's scheduler.
    private let startedAtMicros: Int64
    /// Added to every offset written to the cassette (not to what the downstream sees).
    private let storedOffsetShiftMicros: Int64
    /// The offset of the last event recorded.
    private var lastOffsetMicros: Int64 = 0

    /// The streamed request body, whose bytes each `requestBodySent` event takes for the cassette.
    private let upload: RequestBodyStream?

    init(writer: ExchangeWriter?, downstream: any TransportDelegate, transport: RecordingTransport, startedAtMicros: Int64,
         storedOffsetShiftMicros: Int64 = 0, upload: RequestBodyStream? = nil) {
        self.upload = upload
        self.writer = writer
        self.downstream = downstream
        self.transport = transport
        self.startedAtMicros = startedAtMicros
        self.storedOffsetShiftMicros = storedOffsetShiftMicros
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        lastOffsetMicros = max(lastOffsetMicros, offsetMicros)
        if let writer {
            do {
                if let upload, case .requestBodySent(let count) = event {
                    try writer.appendRequestBody(upload.takeRead(count), atOffsetMicros: offsetMicros + storedOffsetShiftMicros)
                } else {
                    try writer.append(event, atOffsetMicros: offsetMicros + storedOffsetShiftMicros)
                }
            } catch {
                self.writer = nil
                transport?.report(error)
            }
        }
        let downstream = downstream
        if event.isTerminal {
            // The exchange is over: drop the references that tie the live task, this task and the client together.
            writer = nil
            self.downstream = nil
            liveTask = nil
        }
        downstream?.transportTask(self, didReceive: event, atOffsetMicros: offsetMicros)
    }

    /// Cancels the live task and commits the exchange as ending in `failure`.
    func cancel(recording failure: TransportFailure, nowMicros: Int64) {
        let writer = writer
        self.writer = nil
        cancel()
        guard let writer else { return }
        do {
            try writer.append(.failure(failure), atOffsetMicros: max(lastOffsetMicros, nowMicros - startedAtMicros) + storedOffsetShiftMicros)
        } catch {
            transport?.report(error)
        }
    }

    func cancel() {
        liveTask?.cancel()
        liveTask = nil
        writer?.abandon()
        writer = nil
        downstream = nil
    }
}

@available(*, unavailable, message: "A RecordingTask belongs to its scheduler's context")
extension RecordingTask: Sendable {}
