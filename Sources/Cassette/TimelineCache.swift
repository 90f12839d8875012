import TapeCore

/// The small exchanges' timelines a ``ReplayTransport`` keeps in memory, within a byte budget.
///
/// Past the budget the timelines kept longest go first. A replay serves a cassette mostly in
/// recorded order and reads ahead of it, so those are the ones served already, and the ones
/// read ahead stay until they are needed. (Dropping everything at once, as this did before,
/// threw the read-ahead away every thousand 64 KiB exchanges, and the proxy read those spans
/// again while every client waited: 62 stalls of 2.5–7 ms in a 2 s replay.)
struct TimelineCache {
    /// The most bytes kept (bodies plus a fixed cost per event).
    let budgetBytes: Int
    private var entries: [ExchangeID: (timeline: [Timeline.Entry], bytes: Int)] = [:]
    /// Ids in the order they were kept; those before `oldest` are gone.
    private var order: [ExchangeID] = []
    private var oldest = 0
    /// Bytes kept now.
    private(set) var bytes = 0

    init(budgetBytes: Int) {
        self.budgetBytes = budgetBytes
    }

    /// The timeline kept for `id`, if any.
    subscript(id: ExchangeID) -> [Timeline.Entry]? {
        entries[id]?.timeline
    }

    /// Keeps `timeline` for `id` unless one is kept already, dropping the oldest past the
    /// budget; returns whether it was kept.
    mutating func keep(_ timeline: [Timeline.Entry], for id: ExchangeID) -> Bool {
        guard entries[id] == nil else { return false }
        let size = timeline.reduce(64) { size, entry in
            if case .responseBodyChunk(let body) = entry.event { return size + body.count + 64 }
            return size + 64
        }
        while bytes + size > budgetBytes, oldest < order.count {
            if let dropped = entries.removeValue(forKey: order[oldest]) { bytes -= dropped.bytes }
            oldest += 1
        }
        if oldest > 1_024, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
        entries[id] = (timeline, size)
        order.append(id)
        bytes += size
        return true
    }
}
