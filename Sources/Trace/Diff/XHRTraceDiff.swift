import TapeCore
import XHR

/// How one XHR of two traces compares: its request line, its events aligned, its result line.
public struct XHRTraceDiff: Sendable, Hashable {
    /// Which traces have the XHR.
    public enum Presence: Sendable, Hashable {
        /// Both traces have lines for this XHR.
        case both
        /// Only the expected trace has it.
        case onlyExpected
        /// Only the actual trace has it.
        case onlyActual
    }

    /// The XHR's index in the traces.
    public var xhr: Int
    /// Which traces have it.
    public var presence: Presence
    /// The expected trace's request line, if it has one.
    public var expectedRequest: TraceRequest?
    /// The actual trace's request line, if it has one.
    public var actualRequest: TraceRequest?
    /// The request-line fields that differ (`method`, `url`, `timeout` …; `request` when one
    /// side has no request line).
    public var requestDifferences: [FieldDifference]
    /// The two event sequences aligned, every event of both sides in order.
    public var events: [AlignedTraceEvent]
    /// The expected trace's result line, if it has one.
    public var expectedResult: TraceResult?
    /// The actual trace's result line, if it has one.
    public var actualResult: TraceResult?
    /// The result-line fields that differ (`status`, `statusText`, `responseURL`, `bodyBytes`,
    /// `bodySHA256`; `result` when one side has no result line).
    public var resultDifferences: [FieldDifference]

    /// True when the XHR is in both traces and nothing differs beyond the tolerance.
    public var isEqual: Bool {
        presence == .both && requestDifferences.isEmpty && resultDifferences.isEmpty && events.allSatisfy(\.isEqual)
    }

    /// The request line's method and URL, from whichever side has one.
    public var title: String {
        guard let request = expectedRequest ?? actualRequest else { return "(no request line)" }
        return "\(request.method) \(request.url)"
    }

    /// Compares one XHR's lines.
    init(xhr: Int, expected: Lines?, actual: Lines?, tolerance: TraceTolerance) {
        self.xhr = xhr
        switch (expected, actual) {
        case (_?, _?): presence = .both
        case (_?, nil): presence = .onlyExpected
        default: presence = .onlyActual
        }
        expectedRequest = expected?.request
        actualRequest = actual?.request
        expectedResult = expected?.result
        actualResult = actual?.result
        requestDifferences = []
        resultDifferences = []
        events = []
        guard let expected, let actual else {
            // The whole XHR is on one side: every event is removed or inserted.
            let side = expected ?? actual!
            events = side.events.enumerated().map { position, event in
                expected != nil
                    ? AlignedTraceEvent(verdict: .removed, expected: event, expectedPosition: position, actual: nil, actualPosition: nil)
                    : AlignedTraceEvent(verdict: .inserted, expected: nil, expectedPosition: nil, actual: event, actualPosition: position)
            }
            return
        }
        requestDifferences = Self.compare(expected.request, actual.request)
        resultDifferences = Self.compare(expected.result, actual.result)
        events = Self.align(expected.events, actual.events, tolerance: tolerance)
    }

    /// One XHR's lines from one trace.
    struct Lines {
        var request: TraceRequest?
        var events: [TraceEvent] = []
        var result: TraceResult?
    }

    // MARK: - Request and result lines

    private static func compare(_ expected: TraceRequest?, _ actual: TraceRequest?) -> [FieldDifference] {
        guard let expected, let actual else {
            return expected == nil && actual == nil ? [] : [FieldDifference("request", expected: expected.map(describe), actual: actual.map(describe))]
        }
        return [
            FieldDifference.compare("method", expected.method, actual.method),
            FieldDifference.compare("url", expected.url, actual.url),
            FieldDifference.compare("async", expected.async, actual.async),
            FieldDifference.compare("timeout", expected.timeoutMillis, actual.timeoutMillis),
            FieldDifference.compare("responseType", expected.responseType, actual.responseType),
            FieldDifference.compare("uploadListeners", expected.uploadListeners, actual.uploadListeners),
            FieldDifference.compare("overrideMimeType", expected.overrideMimeType, actual.overrideMimeType),
        ].compactMap { $0 }
    }

    private static func compare(_ expected: TraceResult?, _ actual: TraceResult?) -> [FieldDifference] {
        guard let expected, let actual else {
            return expected == nil && actual == nil ? [] : [FieldDifference("result", expected: expected.map(describe), actual: actual.map(describe))]
        }
        return [
            FieldDifference.compare("status", expected.status, actual.status),
            FieldDifference.compare("statusText", expected.statusText, actual.statusText),
            FieldDifference.compare("responseURL", expected.responseURL, actual.responseURL),
            FieldDifference.compare("bodyBytes", expected.bodyBytes, actual.bodyBytes),
            FieldDifference.compare("bodySHA256", expected.bodySHA256, actual.bodySHA256),
        ].compactMap { $0 }
    }

    private static func describe(_ request: TraceRequest) -> String { "\(request.method) \(request.url)" }
    private static func describe(_ result: TraceResult) -> String { "\(result.status) \(result.statusText)" }

    // MARK: - Events

    /// Aligns on every compared field but `t`, so one extra or missing event is one insertion or
    /// removal; then, inside each run of unmatched events between two matches, pairs events of the
    /// same type and target as changed.
    private static func align(_ expected: [TraceEvent], _ actual: [TraceEvent], tolerance: TraceTolerance) -> [AlignedTraceEvent] {
        var aligned: [AlignedTraceEvent] = []
        var removed: [Int] = []
        var inserted: [Int] = []
        func flushGap() {
            let pairs = SequenceAlignment.align(removed.map { expected[$0] }, inserted.map { actual[$0] }) {
                $0.target == $1.target && $0.type == $1.type
            }
            for step in pairs {
                switch step {
                case .both(let i, let j):
                    let (a, b) = (expected[removed[i]], actual[inserted[j]])
                    var fields = fieldDifferences(a, b)
                    if !tolerance.accepts(a.offsetMicros, b.offsetMicros) {
                        fields.append(FieldDifference("t", expected: String(a.offsetMicros), actual: String(b.offsetMicros)))
                    }
                    aligned.append(AlignedTraceEvent(
                        verdict: .changed(fields), expected: a, expectedPosition: removed[i], actual: b, actualPosition: inserted[j]))
                case .onlyLeft(let i):
                    aligned.append(AlignedTraceEvent(
                        verdict: .removed, expected: expected[removed[i]], expectedPosition: removed[i], actual: nil, actualPosition: nil))
                case .onlyRight(let j):
                    aligned.append(AlignedTraceEvent(
                        verdict: .inserted, expected: nil, expectedPosition: nil, actual: actual[inserted[j]], actualPosition: inserted[j]))
                }
            }
            removed = []
            inserted = []
        }
        for step in SequenceAlignment.align(expected, actual, same: sameExceptTime) {
            switch step {
            case .both(let i, let j):
                flushGap()
                let (a, b) = (expected[i], actual[j])
                aligned.append(AlignedTraceEvent(
                    verdict: tolerance.accepts(a.offsetMicros, b.offsetMicros) ? .equal : .timing,
                    expected: a, expectedPosition: i, actual: b, actualPosition: j))
            case .onlyLeft(let i):
                removed.append(i)
            case .onlyRight(let j):
                inserted.append(j)
            }
        }
        flushGap()
        return aligned
    }

    /// Whether every compared field but `t` is equal.
    static func sameExceptTime(_ a: TraceEvent, _ b: TraceEvent) -> Bool {
        a.type == b.type && a.target == b.target && a.readyState == b.readyState && a.status == b.status && a.progress == b.progress
    }

    /// The compared fields other than `t` that differ (DESIGN.md "Trace format").
    static func fieldDifferences(_ a: TraceEvent, _ b: TraceEvent) -> [FieldDifference] {
        [
            FieldDifference.compare("type", a.type, b.type),
            FieldDifference.compare("target", a.target.rawValue, b.target.rawValue),
            FieldDifference.compare("readyState", a.readyState.rawValue, b.readyState.rawValue),
            FieldDifference.compare("status", a.status, b.status),
            FieldDifference.compare("loaded", a.progress?.loaded, b.progress?.loaded),
            FieldDifference.compare("total", a.progress?.total, b.progress?.total),
            FieldDifference.compare("lengthComputable", a.progress?.lengthComputable, b.progress?.lengthComputable),
        ].compactMap { $0 }
    }
}
