/// Builds the human form of a diff: one line per item, a `+`/`-`/`~` marker in front, ANSI
/// colour when asked.
struct DiffPrinter {
    /// What a line shows.
    enum Mark {
        /// A heading: a file, an XHR, an exchange.
        case title
        /// Only the expected side has it.
        case removed
        /// Only the actual side has it.
        case inserted
        /// Both have it, and it differs.
        case changed
        /// Both have it, and it is the same.
        case same
        /// A remark (the tolerance, a summary).
        case note

        var marker: String {
            switch self {
            case .removed: "-"
            case .inserted: "+"
            case .changed: "~"
            case .same: "="
            case .title, .note: " "
            }
        }

        /// The SGR parameters of the line's colour.
        var sgr: String {
            switch self {
            case .title: "1"
            case .removed: "31"
            case .inserted: "32"
            case .changed: "33"
            case .same, .note: "2"
            }
        }
    }

    /// Whether lines are wrapped in ANSI colour sequences.
    let color: Bool
    private(set) var text = ""

    init(color: Bool) {
        self.color = color
    }

    /// Appends one line: `indent` levels of two spaces, the marker, the content.
    mutating func line(_ mark: Mark, _ content: String, indent: Int = 0) {
        let body = String(repeating: "  ", count: indent) + (mark == .title || mark == .note ? "" : mark.marker + " ") + content
        text += color ? "\u{1B}[\(mark.sgr)m\(body)\u{1B}[0m\n" : body + "\n"
    }

    /// Pads `text` with spaces to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A duration for people: `812µs`, `81.234ms`.
    static func time(_ micros: Int64) -> String {
        guard abs(micros) >= 1_000 else { return "\(micros)µs" }
        let sign = micros < 0 ? "-" : ""
        let value = abs(micros)
        let fraction = String(value % 1_000)
        return "\(sign)\(value / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)ms"
    }
}
