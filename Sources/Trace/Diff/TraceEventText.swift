import XHR

/// The one-line text of trace events and aligned steps in diffs.
enum TraceEventText {
    /// `xhr progress rs=3 loaded=100 total=200 lc=true`.
    static func describe(_ event: TraceEvent) -> String {
        var text = "\(event.target.rawValue) \(event.type) rs=\(event.readyState.rawValue)"
        if let status = event.status { text += " status=\(status)" }
        if let progress = event.progress {
            text += " loaded=\(progress.loaded) total=\(progress.total) lc=\(progress.lengthComputable)"
        }
        return text
    }

    /// What differs at an aligned step, without its positions.
    static func describe(_ step: AlignedTraceEvent, tolerance: TraceTolerance) -> String {
        switch step.verdict {
        case .equal:
            return "= \(describe(step.expected!)) t=\(DiffPrinter.time(step.expected!.offsetMicros))"
        case .removed:
            return "removed \(describe(step.expected!)) t=\(DiffPrinter.time(step.expected!.offsetMicros))"
        case .inserted:
            return "inserted \(describe(step.actual!)) t=\(DiffPrinter.time(step.actual!.offsetMicros))"
        case .timing:
            return "\(describe(step.expected!)): " + timing(step.expected!.offsetMicros, step.actual!.offsetMicros, tolerance)
        case .changed(let fields):
            let (a, b) = (step.expected!, step.actual!)
            var parts = fields.filter { $0.field != "t" }.map(\.description)
            parts.append(fields.contains { $0.field == "t" }
                ? timing(a.offsetMicros, b.offsetMicros, tolerance) : "t=\(DiffPrinter.time(a.offsetMicros))")
            return "\(a.target.rawValue) \(a.type): " + parts.joined(separator: ", ")
        }
    }

    /// `t 120.000ms → 180.000ms (+60.000ms, beyond ±18.000ms)`.
    static func timing(_ expected: Int64, _ actual: Int64, _ tolerance: TraceTolerance) -> String {
        let delta = actual - expected
        return "t \(DiffPrinter.time(expected)) → \(DiffPrinter.time(actual)) "
            + "(\(delta >= 0 ? "+" : "")\(DiffPrinter.time(delta)), beyond ±\(DiffPrinter.time(tolerance.allowance(expected, actual))))"
    }
}
