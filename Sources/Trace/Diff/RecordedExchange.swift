public import Cassette
public import TapeCore

/// One exchange of a cassette, whole: what ``CassetteDiff`` compares.
public struct RecordedExchange: Sendable, Hashable {
    /// Its id in the cassette.
    public var id: ExchangeID
    /// The request and every event, bodies included.
    public var timeline: Timeline

    /// Creates an exchange.
    public init(id: ExchangeID, timeline: Timeline) {
        self.id = id
        self.timeline = timeline
    }

    /// Every complete exchange of `cassette`, in recorded order, bodies in memory.
    ///
    /// - Throws: ``CassetteError`` if the cassette cannot be read or an exchange is not a valid
    ///   timeline.
    public static func all(in cassette: Cassette) throws(CassetteError) -> [RecordedExchange] {
        var exchanges: [RecordedExchange] = []
        for summary in try cassette.exchanges() {
            exchanges.append(RecordedExchange(id: summary.id, timeline: try cassette.timeline(of: summary.id)))
        }
        return exchanges
    }
}
