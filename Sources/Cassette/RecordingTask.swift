import TapeCore

/// One recorded exchange in flight: the task the client holds, and the delegate the live
/// transport reports to, which writes each event and passes it on.
final class RecordingTask: TransportTask, TransportDelegate {
    var liveTask: (any TransportTask)?
    private var writer: ExchangeWriter?
    private var downstream: (any TransportDelegate)?
    private weak var transport: RecordingTransport?

    init(writer: ExchangeWriter?, downstream: any TransportDelegate, transport: RecordingTransport) {
        self.writer = writer
        self.downstream = downstream
        self.transport = transport
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        if let writer {
            do {
                try writer.append(event, atOffsetMicros: offsetMicros)
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
