public import Cassette
import TapeCore

/// The comparison of two cassettes: which exchanges were added, removed or changed.
///
/// Exchanges are paired the way replay matches requests (``RequestMatcher`` with default
/// ``MatchOptions``: method and normalised URL), identical requests in recorded order. A paired
/// exchange is compared on its status line and outcome, its header lists (order-aware, names
/// without case, case changes noted), its bodies after content decoding (by JSON path when both
/// are JSON), and its timing: the response head, each chunk and the end, within a
/// ``TraceTolerance``.
///
/// The comparison itself is pure; ``init(expected:actual:tolerance:ignoringHeaders:)-(Cassette,_,_,_)``
/// reads both cassettes whole into memory first.
public struct CassetteDiff: Sendable, Hashable {
    /// The tolerance timing was compared with.
    public var tolerance: TraceTolerance
    /// Header names left out of the comparison.
    public var ignoredHeaders: Set<String>
    /// Every exchange of both cassettes: paired ones and removed ones in the expected
    /// cassette's order, each added one after the exchange it follows in the actual cassette.
    public var exchanges: [ExchangeDiff]

    /// Compares two cassettes' exchanges.
    ///
    /// - Parameters:
    ///   - expected: The reference cassette's exchanges.
    ///   - actual: The exchanges to check against them.
    ///   - tolerance: How far apart event times may be.
    ///   - ignoringHeaders: Header names (any case) not to compare, such as `Date`.
    public init(expected: [RecordedExchange], actual: [RecordedExchange], tolerance: TraceTolerance = .default, ignoringHeaders: Set<String> = []) {
        self.tolerance = tolerance
        self.ignoredHeaders = ignoringHeaders
        let matcher = RequestMatcher(recorded: expected.map { RecordedRequest(id: $0.id, request: $0.timeline.request) })
        let expectedIndex = Dictionary(uniqueKeysWithValues: expected.enumerated().map { ($0.element.id, $0.offset) })
        var used = Set<ExchangeID>()
        // Sort keys: position in the expected cassette, then added ones after the pair before them.
        var keyed: [(key: (Int, Int), diff: ExchangeDiff)] = []
        var lastPaired = -1
        for (position, exchange) in actual.enumerated() {
            if let id = matcher.candidates(for: exchange.timeline.request).first(where: { !used.contains($0) }),
               let index = expectedIndex[id] {
                used.insert(id)
                lastPaired = index
                keyed.append(((index, -1), ExchangeDiff(
                    expected: expected[index], actual: exchange, tolerance: tolerance, ignoredHeaders: ignoringHeaders)))
            } else {
                keyed.append(((lastPaired, position), ExchangeDiff(only: exchange, inExpected: false)))
            }
        }
        for (index, exchange) in expected.enumerated() where !used.contains(exchange.id) {
            keyed.append(((index, -1), ExchangeDiff(only: exchange, inExpected: true)))
        }
        exchanges = keyed.sorted { $0.key < $1.key }.map(\.diff)
    }

    /// Reads and compares two cassettes.
    ///
    /// - Throws: ``CassetteError`` if either cannot be read.
    public init(expected: Cassette, actual: Cassette, tolerance: TraceTolerance = .default, ignoringHeaders: Set<String> = []) throws(CassetteError) {
        self.init(
            expected: try RecordedExchange.all(in: expected), actual: try RecordedExchange.all(in: actual),
            tolerance: tolerance, ignoringHeaders: ignoringHeaders)
    }

    /// True when both cassettes hold the same requests with the same responses, timing within
    /// the tolerance.
    public var isEqual: Bool { exchanges.allSatisfy(\.isEqual) }

    /// The added, removed and changed exchanges.
    public var added: [ExchangeDiff] { exchanges.filter { $0.presence == .onlyActual } }
    public var removed: [ExchangeDiff] { exchanges.filter { $0.presence == .onlyExpected } }
    public var changed: [ExchangeDiff] { exchanges.filter { $0.presence == .both && !$0.isEqual } }

    /// Counts in one sentence: `cassettes equal: 4 exchanges (tolerance 5ms,10%)` or
    /// `cassettes differ: 1 added, 1 removed, 2 changed, 3 equal (tolerance 5ms,10%)`.
    public var summary: String {
        if isEqual {
            return "cassettes equal: \(exchanges.count) exchange\(exchanges.count == 1 ? "" : "s") (tolerance \(tolerance))"
        }
        let equal = exchanges.filter(\.isEqual).count
        return "cassettes differ: \(added.count) added, \(removed.count) removed, \(changed.count) changed, \(equal) equal (tolerance \(tolerance))"
    }
}
