/// The comparison of two traces, XHR by XHR (DESIGN.md "Trace format").
///
/// XHRs are matched by their index; one only one trace has is a difference. Each XHR's events
/// are aligned on type, target, readyState, status, loaded, total and lengthComputable, so an
/// extra or a missing event (one more `progress`) is one insertion or removal rather than a
/// cascade; events of the same type and target left between two matches are paired as
/// changed. `t` is compared within a ``TraceTolerance``. Request and result lines are compared
/// field by field.
///
/// The header lines' profile and source are not compared (a browser's trace against a replay
/// is the point of the diff); they are kept in ``expectedHeader`` and ``actualHeader`` to show.
///
/// ```swift
/// let diff = TraceDiff(expected: golden.lines, actual: replayed.lines)
/// #expect(diff.isEqual, "\(diff.summary)\n\(diff.rendered())")
/// ```
///
/// Pure: it reads no files and no clocks.
public struct TraceDiff: Sendable, Hashable {
    /// The expected trace's header line, if it had one.
    public var expectedHeader: TraceHeader?
    /// The actual trace's header line, if it had one.
    public var actualHeader: TraceHeader?
    /// The tolerance `t` was compared with.
    public var tolerance: TraceTolerance
    /// Every XHR index either trace has, ascending.
    public var xhrs: [XHRTraceDiff]

    /// Compares two traces.
    ///
    /// - Parameters:
    ///   - expected: The reference trace's lines (the golden one, the one before a change).
    ///   - actual: The trace to check against it.
    ///   - tolerance: How far apart event times may be.
    public init(expected: [TraceLine], actual: [TraceLine], tolerance: TraceTolerance = .default) {
        self.tolerance = tolerance
        let (expectedHeader, expectedXHRs) = Self.group(expected)
        let (actualHeader, actualXHRs) = Self.group(actual)
        self.expectedHeader = expectedHeader
        self.actualHeader = actualHeader
        xhrs = Set(expectedXHRs.keys).union(actualXHRs.keys).sorted().map { index in
            XHRTraceDiff(xhr: index, expected: expectedXHRs[index], actual: actualXHRs[index], tolerance: tolerance)
        }
    }

    /// True when both traces have the same XHRs with the same request and result lines and the
    /// same events at times within the tolerance.
    public var isEqual: Bool { xhrs.allSatisfy(\.isEqual) }

    /// Every difference, one line each, in trace order: `xhr 0 event #5: inserted xhr progress …`.
    public var differences: [String] {
        xhrs.flatMap { xhr -> [String] in
            let prefix = "xhr \(xhr.xhr)"
            switch xhr.presence {
            case .onlyExpected: return ["\(prefix): only in the expected trace (\(xhr.title), \(xhr.events.count) events)"]
            case .onlyActual: return ["\(prefix): only in the actual trace (\(xhr.title), \(xhr.events.count) events)"]
            case .both: break
            }
            var lines = xhr.requestDifferences.map { "\(prefix) request: \($0)" }
            for step in xhr.events where !step.isEqual {
                lines.append("\(prefix) \(TraceEventText.describe(step, tolerance: tolerance))")
            }
            lines += xhr.resultDifferences.map { "\(prefix) result: \($0)" }
            return lines
        }
    }

    /// Counts in one sentence: `traces equal: 3 XHRs, 41 events (tolerance 5ms,10%)`, or
    /// what differs and how often.
    public var summary: String {
        let events = xhrs.flatMap(\.events)
        guard !isEqual else {
            return "traces equal: \(xhrs.count) XHR\(xhrs.count == 1 ? "" : "s"), \(events.count) events (tolerance \(tolerance))"
        }
        var counts = [String]()
        func count(_ number: Int, _ what: String) {
            if number > 0 { counts.append("\(number) \(what)") }
        }
        let differing = xhrs.filter { !$0.isEqual }.count
        count(xhrs.filter { $0.presence == .onlyExpected }.count, "XHR only in expected")
        count(xhrs.filter { $0.presence == .onlyActual }.count, "XHR only in actual")
        let compared = xhrs.filter { $0.presence == .both }
        count(compared.reduce(0) { $0 + $1.requestDifferences.count }, "request field(s)")
        let steps = compared.flatMap(\.events)
        count(steps.filter { $0.verdict == .removed }.count, "removed event(s)")
        count(steps.filter { $0.verdict == .inserted }.count, "inserted event(s)")
        count(steps.filter { if case .changed = $0.verdict { true } else { false } }.count, "changed event(s)")
        count(steps.filter { $0.verdict == .timing }.count, "event(s) beyond the time tolerance")
        count(compared.reduce(0) { $0 + $1.resultDifferences.count }, "result field(s)")
        return "traces differ in \(differing) of \(xhrs.count) XHR\(xhrs.count == 1 ? "" : "s"): "
            + counts.joined(separator: ", ") + " (tolerance \(tolerance))"
    }

    /// Splits a trace into its header and each XHR's lines.
    private static func group(_ lines: [TraceLine]) -> (TraceHeader?, [Int: XHRTraceDiff.Lines]) {
        var header: TraceHeader?
        var xhrs: [Int: XHRTraceDiff.Lines] = [:]
        for line in lines {
            switch line {
            case .header(let value): header = header ?? value
            case .request(let xhr, let request): xhrs[xhr, default: .init()].request = request
            case .event(let event): xhrs[event.xhr, default: .init()].events.append(event)
            case .result(let xhr, let result): xhrs[xhr, default: .init()].result = result
            }
        }
        return (header, xhrs)
    }
}
