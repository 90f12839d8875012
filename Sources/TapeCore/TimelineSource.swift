/// Where a ``TimelinePlayer`` gets its entries: a whole ``Timeline`` in memory, or a
/// cassette read a bounded batch at a time, so a body of any size plays in little memory.
public protocol TimelineSource {
    /// The next entries, in order; empty once the terminal entry has been returned.
    ///
    /// - Throws: a failure to deliver in place of the rest of the timeline (a cassette
    ///   that cannot be read, say); playback ends with it.
    mutating func nextEntries() throws(TransportFailure) -> [Timeline.Entry]
}

extension Timeline {
    /// The timeline as a source that hands over every entry at once.
    public var source: InMemoryTimelineSource { InMemoryTimelineSource(entries: entries) }
}

/// Entries already in memory, handed over as one batch.
public struct InMemoryTimelineSource: TimelineSource {
    private var entries: [Timeline.Entry]?

    /// A source of `entries`, which must follow the rules of ``Timeline``.
    public init(entries: [Timeline.Entry]) {
        self.entries = entries
    }

    public mutating func nextEntries() -> [Timeline.Entry] {
        defer { entries = nil }
        return entries ?? []
    }
}
