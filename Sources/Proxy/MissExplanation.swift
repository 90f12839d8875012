import Cassette

/// The text a replay miss answers with: the request, the closest recorded exchange and
/// every way it differs, then the cassette's own message (which says what to do).
struct MissExplanation: Sendable {
    /// The explanation, ending in a newline.
    let text: String

    init(_ error: CassetteError) {
        var lines: [String] = []
        if let miss = error.miss {
            lines.append("xhrtape replay: no recorded exchange answers \(miss.method) \(miss.url).")
            if let closest = miss.closest {
                lines.append("Closest recorded exchange: \(closest.id) \(closest.method) \(closest.url)")
                if closest.differences.isEmpty {
                    lines.append("It matches, but every recording of it has been replayed already.")
                } else {
                    lines.append("Differences:")
                    lines += closest.differences.map { "  - \($0)" }
                }
            } else {
                lines.append("The cassette holds no exchanges.")
            }
        } else {
            lines.append("xhrtape replay: the request has no recording.")
        }
        lines.append("")
        lines.append(error.description)
        text = lines.joined(separator: "\n") + "\n"
    }
}
