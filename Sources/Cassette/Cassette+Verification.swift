import GRDB
import TapeCore

extension Cassette {
    /// Opens the cassette at `path` read-only and verifies it (see ``verify()``).
    ///
    /// - Throws: The errors of ``init(path:access:configuration:)`` for files that cannot be opened.
    public static func verify(at path: String) throws(CassetteError) -> CassetteVerification {
        let cassette = try Cassette(path: path, access: .readOnly)
        defer { try? cassette.close() }
        return try cassette.verify()
    }

    /// Checks the whole file: SQLite's `integrity_check`, then for every complete exchange that
    /// its row decodes, its events form a valid timeline (offsets never decrease, exactly one
    /// terminal event and it is last, the head before any chunk …), its sequence numbers have no
    /// gaps, and its event count, chunk sizes and duration agree with its row; finally that no
    /// events lack an exchange.
    ///
    /// Every event is read, one at a time, so memory stays small whatever the bodies' sizes.
    ///
    /// - Returns: What was found; ``CassetteVerification/isValid`` when nothing.
    /// - Throws: ``CassetteError`` only when the file cannot be read at all.
    public func verify() throws(CassetteError) -> CassetteVerification {
        var problems: [CassetteVerification.Problem] = []
        let integrity: [String]
        do {
            integrity = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            integrity = ["\(CassetteError.database(error, path: path, doing: "check the integrity of").message)"]
        }
        if integrity != ["ok"] {
            problems += integrity.map { .init(kind: .integrity, exchange: nil, message: "SQLite integrity check: \($0)") }
        }
        let ids = try read("verify") { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM exchange WHERE complete = 1 ORDER BY id")
        }
        for id in ids {
            problems += try verifyExchange(ExchangeID(rawValue: id))
        }
        let (incomplete, orphans) = try read("verify") { db in
            let incomplete = try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange WHERE complete = 0") ?? 0
            let orphans = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT id >> 32 FROM event WHERE (id >> 32) NOT IN (SELECT id FROM exchange) LIMIT 100
                """)
            return (incomplete, orphans)
        }
        if !orphans.isEmpty {
            problems.append(.init(
                kind: .orphanEvents, exchange: nil,
                message: "events exist for exchanges with no row: " + orphans.map { "#\($0)" }.joined(separator: ", ")))
        }
        return CassetteVerification(exchangeCount: ids.count, incompleteExchangeCount: incomplete, problems: problems)
    }

    private func verifyExchange(_ id: ExchangeID) throws(CassetteError) -> [CassetteVerification.Problem] {
        func problem(_ kind: CassetteVerification.Problem.Kind, _ message: String) -> CassetteVerification.Problem {
            .init(kind: kind, exchange: id, message: message)
        }
        return try read("verify exchange \(id) of") { db in
            let summary: ExchangeSummary
            do {
                summary = try Self.fetchSummary(id, in: db, path: path)
            } catch let error as CassetteError {
                return [problem(.unreadableExchange, error.message)]
            }
            var problems: [CassetteVerification.Problem] = []
            var shadow: [Timeline.Entry] = []
            var bodyLength: Int64 = 0
            var expectedSequence: Int64 = 0
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, offset_us, kind, data FROM event WHERE id >= ? AND id < ? ORDER BY id",
                arguments: [CassetteSchema.eventKey(exchange: id.rawValue, sequence: 0),
                            CassetteSchema.eventKey(exchange: id.rawValue + 1, sequence: 0)])
            while let row = try rows.next() {
                let key: Int64 = row["id"]
                let sequence = key & ((1 << CassetteSchema.sequenceBits) - 1)
                if sequence != expectedSequence, problems.allSatisfy({ $0.kind != .sequenceGap }) {
                    problems.append(problem(.sequenceGap, "event \(sequence) follows event \(expectedSequence - 1)"))
                }
                expectedSequence = sequence + 1
                do {
                    var entry = try TimelineCursor.entry(from: row, summary: summary)
                    if case .responseBodyChunk(let bytes) = entry.event {
                        bodyLength += Int64(bytes.count)
                        // Keep emptiness (which the rules check), not the bytes.
                        entry.event = .responseBodyChunk(bytes.isEmpty ? [] : [0])
                    }
                    shadow.append(entry)
                } catch let error as CassetteError {
                    return problems + [problem(.unreadableExchange, error.message)]
                }
            }
            if shadow.count != summary.eventCount {
                problems.append(problem(.eventCountMismatch, "\(shadow.count) events stored, \(summary.eventCount) recorded in its row"))
            }
            if bodyLength != summary.responseBodyLength {
                problems.append(problem(.bodyLengthMismatch, "chunks add up to \(bodyLength) bytes, its row says \(summary.responseBodyLength)"))
            }
            if let last = shadow.last, last.offsetMicros != summary.durationMicros {
                problems.append(problem(.durationMismatch, "the last event is at \(last.offsetMicros) µs, its row says \(summary.durationMicros) µs"))
            }
            do throws(TimelineError) {
                _ = try Timeline(request: ExchangeRequest(head: summary.request), entries: shadow)
            } catch {
                problems.append(problem(.invalidTimeline, error.message))
            }
            return problems
        }
    }
}
