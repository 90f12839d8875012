/// The report's time axis: microseconds from the first request to CSS percentages, and the
/// labelled scale drawn in the waterfall column's header.
struct ReportAxis {
    /// The axis length: from the first request to the last thing that happened.
    let spanMicros: Int64

    init(spanMicros: Int64) {
        self.spanMicros = max(1, spanMicros)
    }

    /// `micros` as a CSS left offset with three decimals, `12.345%`; ticks closer than 0.001 %
    /// print the same.
    func percent(_ micros: Int64) -> String {
        let thousandths = Int64((Double(max(0, micros)) / Double(spanMicros) * 100_000).rounded())
        return Self.decimal(thousandths) + "%"
    }

    /// A duration as a CSS width (zero-length bars get their minimum width from the style sheet).
    func width(_ micros: Int64) -> String {
        percent(micros)
    }

    /// Gridline labels at a round step (1, 2 or 5 × 10ⁿ µs), about six of them.
    var headerHTML: String {
        var step: Int64 = 1
        var decade: Int64 = 1
        search: while true {
            for multiplier: Int64 in [1, 2, 5] {
                step = decade * multiplier
                if spanMicros / step <= 6 { break search }
            }
            decade *= 10
        }
        var html = "<div class=\"axis\">"
        var t: Int64 = 0
        while t <= spanMicros {
            html += "<span style=\"left:\(percent(t))\">\(Self.label(t))</span>"
            t += step
        }
        return html + "</div>"
    }

    /// A time for people: `850 µs`, `12.3 ms`, `4.56 s`.
    static func label(_ micros: Int64) -> String {
        if micros < 1000 { return "\(micros) µs" }
        if micros < 1_000_000 { return decimal((micros + 50) / 100, places: 1) + " ms" }
        return decimal((micros + 5000) / 10_000, places: 2) + " s"
    }

    private static func decimal(_ value: Int64, places: Int = 3) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let fraction = String(value % scale)
        return "\(value / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
