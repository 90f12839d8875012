import TapeCore

/// Keeps every event of one exchange with its offset.
final class TimelineCollector: TransportDelegate {
    private(set) var entries: [Timeline.Entry] = []
    var finished: Bool { entries.last?.event.isTerminal == true }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        entries.append(Timeline.Entry(offsetMicros: offsetMicros, event: event))
    }
}
