import TapeCore

/// A transport delegate that keeps every event it receives, with its offset and arrival time.
final class RecordingDelegate: TransportDelegate {
    struct Delivery: Equatable {
        var event: TimelineEvent
        var offsetMicros: Int64
        var arrivedAtMicros: Int64?
    }

    private let scheduler: (any Scheduler)?
    private(set) var deliveries: [Delivery] = []
    private(set) var tasks: [ObjectIdentifier] = []

    init(scheduler: (any Scheduler)? = nil) {
        self.scheduler = scheduler
    }

    var events: [TimelineEvent] { deliveries.map(\.event) }

    var entries: [Timeline.Entry] { deliveries.map { Timeline.Entry(offsetMicros: $0.offsetMicros, event: $0.event) } }

    /// How many body bytes arrived.
    var bodyBytes: Int {
        events.reduce(0) { total, event in
            if case .responseBodyChunk(let bytes) = event { return total + bytes.count }
            return total
        }
    }

    /// The failure that ended the exchange, if one did.
    var failure: TransportFailure? {
        if case .failure(let failure)? = events.last { return failure }
        return nil
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        deliveries.append(Delivery(event: event, offsetMicros: offsetMicros, arrivedAtMicros: scheduler?.nowMicros))
        tasks.append(ObjectIdentifier(task))
    }
}
