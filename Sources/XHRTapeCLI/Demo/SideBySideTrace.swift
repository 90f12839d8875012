import Foundation
import Trace
import XHR

/// Two traces' aligned events in two compact columns, one XHR after another, with a
/// verdict per row: `✓` equal, `~` time beyond the tolerance, `≠` fields differ,
/// `-`/`+` only on the left/right.
struct SideBySideTrace {
    var diff: TraceDiff
    /// A name per XHR, by index.
    var names: [String]
    var color: Bool
    var leftTitle = "live (real time, libcurl)"
    var rightTitle = "replay (virtual clock)"

    private static let columnWidth = 34

    var rendered: String {
        var out = ""
        for xhr in diff.xhrs {
            let request = xhr.expectedRequest ?? xhr.actualRequest
            let name = xhr.xhr < names.count ? names[xhr.xhr] + " · " : ""
            out += paint("xhr \(xhr.xhr) · \(name)\(request.map { "\($0.method) \(Self.pathAndQuery($0.url))" } ?? "")", bold: true) + "\n"
            out += "  " + Self.padded(leftTitle) + "  " + Self.padded(rightTitle) + "\n"
            for step in xhr.events {
                let left = step.expected.map(Self.cell) ?? ""
                let right = step.actual.map(Self.cell) ?? ""
                out += "  " + Self.padded(left) + "  " + Self.padded(right) + " " + mark(step.verdict) + "\n"
            }
            for difference in xhr.resultDifferences {
                out += "  " + paint("result: \(difference)", red: true) + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// `  12.3 ms progress 2000/12000`.
    static func cell(_ event: TraceEvent) -> String {
        let time = String(format: "%7.1f ms ", Double(event.offsetMicros) / 1000)
        var text = event.target == .upload ? "upload." : ""
        if event.type == "readystatechange" {
            text += "rsc\(event.readyState.rawValue)"
            if let status = event.status, event.readyState.rawValue == 2 { text += " \(status)" }
        } else {
            text += event.type
            if let progress = event.progress, event.type != "loadstart" || progress.loaded != 0 || progress.total != 0 {
                text += " \(progress.loaded)/\(progress.lengthComputable ? String(progress.total) : "?")"
            }
        }
        return time + text
    }

    static func pathAndQuery(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let slash = url[schemeEnd.upperBound...].firstIndex(of: "/") else { return url }
        return String(url[slash...])
    }

    static func padded(_ text: String) -> String {
        text.count >= columnWidth ? String(text.prefix(columnWidth)) : text + String(repeating: " ", count: columnWidth - text.count)
    }

    private func mark(_ verdict: AlignedTraceEvent.Verdict) -> String {
        switch verdict {
        case .equal: paint("✓", green: true)
        case .timing: paint("~ time", red: true)
        case .changed: paint("≠", red: true)
        case .removed: paint("- only live", red: true)
        case .inserted: paint("+ only replay", red: true)
        }
    }

    private func paint(_ text: String, bold: Bool = false, green: Bool = false, red: Bool = false) -> String {
        guard color else { return text }
        let code = bold ? "1" : green ? "32" : red ? "31" : "0"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
