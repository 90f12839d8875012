public import Cassette
import HTTPTypes
import TapeCore

/// How one request's exchange compares between two cassettes.
public struct ExchangeDiff: Sendable, Hashable {
    /// Which cassettes have the exchange.
    public enum Presence: Sendable, Hashable {
        /// Both: the exchanges were paired by request.
        case both
        /// Only the expected cassette (removed).
        case onlyExpected
        /// Only the actual cassette (added).
        case onlyActual
    }

    /// The most per-chunk offsets listed in ``timingDifferences``.
    public static let maximumChunkOffsets = 20

    /// Which cassettes have it.
    public var presence: Presence
    /// The exchange's id in the expected cassette.
    public var expectedID: ExchangeID?
    /// The exchange's id in the actual cassette.
    public var actualID: ExchangeID?
    /// The request's method, from the expected side when it has one.
    public var method: String
    /// The request's URL as recorded, from the expected side when it has one.
    public var url: String
    /// Status line and outcome fields that differ: `version`, `status`, `reason`, `outcome`.
    public var headDifferences: [FieldDifference]
    /// How the request header lists differ.
    public var requestHeaderDifferences: [HeaderDifference]
    /// How the request bodies differ, if they do.
    public var requestBody: BodyDifference?
    /// How the response header lists differ.
    public var responseHeaderDifferences: [HeaderDifference]
    /// How the response bodies differ, if they do.
    public var responseBody: BodyDifference?
    /// Timing beyond the tolerance: `chunks` (the count), `head t`, `chunk N t` (at most
    /// ``maximumChunkOffsets`` of them), `end t`.
    public var timingDifferences: [FieldDifference]
    /// How many chunk offsets are beyond the tolerance in all.
    public var chunkOffsetDifferenceCount: Int

    /// True when both cassettes have the exchange and nothing compared differs.
    public var isEqual: Bool {
        presence == .both && headDifferences.isEmpty && requestHeaderDifferences.isEmpty && requestBody == nil
            && responseHeaderDifferences.isEmpty && responseBody == nil && timingDifferences.isEmpty
    }

    /// An exchange only one cassette has.
    init(only exchange: RecordedExchange, inExpected: Bool) {
        presence = inExpected ? .onlyExpected : .onlyActual
        expectedID = inExpected ? exchange.id : nil
        actualID = inExpected ? nil : exchange.id
        method = exchange.timeline.request.head.method
        url = exchange.timeline.request.head.url
        headDifferences = []
        requestHeaderDifferences = []
        responseHeaderDifferences = []
        timingDifferences = []
        chunkOffsetDifferenceCount = 0
    }

    /// Compares two exchanges of the same request.
    init(expected: RecordedExchange, actual: RecordedExchange, tolerance: TraceTolerance, ignoredHeaders: Set<String>) {
        self.init(only: expected, inExpected: true)
        presence = .both
        actualID = actual.id
        let (a, b) = (expected.timeline, actual.timeline)
        let (headA, headB) = (a.responseHead, b.responseHead)
        headDifferences = [
            FieldDifference.compare("version", headA.map { "\($0.version)" }, headB.map { "\($0.version)" }),
            FieldDifference.compare("status", headA?.status, headB?.status),
            FieldDifference.compare("reason", headA?.reasonPhrase, headB?.reasonPhrase),
            FieldDifference.compare("outcome", Self.outcome(of: a), Self.outcome(of: b)),
        ].compactMap { $0 }
        requestHeaderDifferences = HeaderDifference.compare(
            a.request.head.headerFields, b.request.head.headerFields, ignoring: ignoredHeaders)
        requestBody = BodyDifference.compare(
            expected: a.request.body, expectedHeaders: a.request.head.headerFields,
            actual: b.request.body, actualHeaders: b.request.head.headerFields)
        let fieldsA = headA?.headerFields ?? HTTPFields()
        let fieldsB = headB?.headerFields ?? HTTPFields()
        responseHeaderDifferences = HeaderDifference.compare(fieldsA, fieldsB, ignoring: ignoredHeaders)
        responseBody = BodyDifference.compare(expected: a.responseBody, expectedHeaders: fieldsA, actual: b.responseBody, actualHeaders: fieldsB)
        compareTiming(a, b, tolerance: tolerance)
    }

    private static func outcome(of timeline: Timeline) -> String {
        timeline.failure.map { "failed (\($0.code)): \($0.message)" } ?? "completed"
    }

    /// Head, chunk and end offsets; per-chunk offsets only when both have the same number of
    /// chunks (otherwise their boundaries differ and the count says so).
    private mutating func compareTiming(_ a: Timeline, _ b: Timeline, tolerance: TraceTolerance) {
        func offsets(_ timeline: Timeline) -> (head: Int64?, chunks: [(offset: Int64, size: Int)]) {
            var head: Int64?
            var chunks: [(offset: Int64, size: Int)] = []
            for entry in timeline.entries {
                switch entry.event {
                case .responseHead: head = entry.offsetMicros
                case .responseBodyChunk(let bytes): chunks.append((entry.offsetMicros, bytes.count))
                default: break
                }
            }
            return (head, chunks)
        }
        func compare(_ field: String, _ x: Int64?, _ y: Int64?) -> FieldDifference? {
            if let x, let y, tolerance.accepts(x, y) { return nil }
            return FieldDifference.compare(field, x, y)
        }
        let (left, right) = (offsets(a), offsets(b))
        var differences = [compare("head t", left.head, right.head)]
        if left.chunks.count != right.chunks.count {
            differences.append(FieldDifference("chunks", expected: String(left.chunks.count), actual: String(right.chunks.count)))
        } else {
            for (index, (x, y)) in zip(left.chunks, right.chunks).enumerated() {
                if x.size != y.size, !differences.contains(where: { $0?.field.hasSuffix(" size") == true }) {
                    differences.append(FieldDifference("chunk \(index) size", expected: String(x.size), actual: String(y.size)))
                }
                if let difference = compare("chunk \(index) t", x.offset, y.offset) {
                    chunkOffsetDifferenceCount += 1
                    if chunkOffsetDifferenceCount <= Self.maximumChunkOffsets { differences.append(difference) }
                }
            }
        }
        differences.append(compare("end t", a.durationMicros, b.durationMicros))
        timingDifferences = differences.compactMap { $0 }
    }
}
