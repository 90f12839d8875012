extension TraceDiff {
    /// The diff for people: each XHR's differing lines with `-` (only expected), `+` (only
    /// actual) and `~` (changed) markers, equal XHRs in one line, the summary last.
    ///
    /// - Parameters:
    ///   - expectedName: What to call the expected trace (its file name).
    ///   - actualName: What to call the actual trace.
    ///   - color: Whether to add ANSI colours.
    public func rendered(expectedName: String = "expected", actualName: String = "actual", color: Bool = false) -> String {
        var out = DiffPrinter(color: color)
        func origin(_ header: TraceHeader?) -> String {
            header.map { " (profile \($0.profile), source \($0.source.rawValue))" } ?? " (no header line)"
        }
        out.line(.title, "--- " + expectedName + origin(expectedHeader))
        out.line(.title, "+++ " + actualName + origin(actualHeader))
        for xhr in xhrs {
            let title = "xhr \(xhr.xhr)  \(xhr.title)"
            switch xhr.presence {
            case .onlyExpected:
                out.line(.removed, "\(title)  only in \(expectedName) (\(xhr.events.count) events)")
                continue
            case .onlyActual:
                out.line(.inserted, "\(title)  only in \(actualName) (\(xhr.events.count) events)")
                continue
            case .both where xhr.isEqual:
                out.line(.same, "\(title)  equal (\(xhr.events.count) events)")
                continue
            case .both:
                out.line(.title, title)
            }
            for field in xhr.requestDifferences {
                out.line(.changed, "request \(field)", indent: 1)
            }
            for step in xhr.events where !step.isEqual {
                let positions = DiffPrinter.padded(
                    "\(step.expectedPosition.map(String.init) ?? "-")→\(step.actualPosition.map(String.init) ?? "-")", to: 8)
                switch step.verdict {
                case .equal:
                    break
                case .removed:
                    out.line(.removed, positions + TraceEventText.describe(step.expected!)
                        + "  t=" + DiffPrinter.time(step.expected!.offsetMicros), indent: 1)
                case .inserted:
                    out.line(.inserted, positions + TraceEventText.describe(step.actual!)
                        + "  t=" + DiffPrinter.time(step.actual!.offsetMicros), indent: 1)
                case .timing, .changed:
                    out.line(.changed, positions + TraceEventText.describe(step, tolerance: tolerance), indent: 1)
                }
            }
            for field in xhr.resultDifferences {
                out.line(.changed, "result \(field)", indent: 1)
            }
        }
        out.line(.note, summary)
        return out.text
    }
}
