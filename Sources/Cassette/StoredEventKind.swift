/// How a timeline event's kind is stored in the `event.kind` column. The numbers are part of the
/// file format: never renumber one.
enum StoredEventKind: Int64, CaseIterable {
    /// `data` holds the byte count as an integer.
    case requestBodySent = 0
    /// `data` is NULL.
    case requestEnd = 1
    /// `data` is NULL; the head lives in the exchange row.
    case responseHead = 2
    /// `data` holds the raw chunk bytes.
    case responseBodyChunk = 3
    /// `data` is NULL; the trailers live in the exchange row.
    case responseEnd = 4
    /// `data` is NULL; the failure lives in the exchange row.
    case failure = 5

    var isTerminal: Bool { self == .responseEnd || self == .failure }
}
