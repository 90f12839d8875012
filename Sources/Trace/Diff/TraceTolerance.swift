/// How far apart two times may be and still count as the same: an absolute allowance, a
/// fraction of the larger time, or whichever of the two is larger.
///
/// The default is DESIGN.md's: 5 ms or 10 %, whichever is larger. So 100 ms against 108 ms is
/// within it (10 % of 108 ms is 10.8 ms) and 1 ms against 7 ms is not (the allowance is 5 ms).
///
/// The command-line form is `5ms`, `10%` or both, comma-separated (`5ms,10%`); units `us`
/// (or `µs`), `ms` and `s`. A form with only one part sets the other to zero.
public struct TraceTolerance: Sendable, Hashable, CustomStringConvertible {
    /// The allowance in microseconds, whatever the times.
    public var absoluteMicros: Int64
    /// The allowance as a fraction of the larger of the two times (0.1 is 10 %).
    public var relative: Double

    /// Creates a tolerance.
    ///
    /// - Parameters:
    ///   - absoluteMicros: The allowance in microseconds; not negative.
    ///   - relative: The fraction of the larger time; not negative and finite.
    public init(absoluteMicros: Int64, relative: Double) {
        precondition(absoluteMicros >= 0, "TraceTolerance.absoluteMicros must not be negative, got \(absoluteMicros)")
        precondition(relative >= 0 && relative.isFinite, "TraceTolerance.relative must be a finite fraction ≥ 0, got \(relative)")
        self.absoluteMicros = absoluteMicros
        self.relative = relative
    }

    /// 5 ms or 10 %, whichever is larger.
    public static let `default` = TraceTolerance(absoluteMicros: 5_000, relative: 0.1)

    /// Times must be equal to the microsecond.
    public static let exact = TraceTolerance(absoluteMicros: 0, relative: 0)

    /// The largest difference allowed between `a` and `b`, in microseconds.
    public func allowance(_ a: Int64, _ b: Int64) -> Int64 {
        let larger = max(abs(a), abs(b))
        return max(absoluteMicros, Int64((Double(larger) * relative).rounded(.down)))
    }

    /// Whether `a` and `b` are within the tolerance of each other.
    public func accepts(_ a: Int64, _ b: Int64) -> Bool {
        let difference = a > b ? a - b : b - a
        return difference <= allowance(a, b)
    }

    /// Parses the command-line form (see the type's discussion); nil for anything else.
    public init?(_ text: String) {
        var absolute: Int64?
        var relative: Double?
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        for part in parts {
            let part = Substring(part.filter { !$0.isWhitespace })
            if part.hasSuffix("%") {
                guard relative == nil, let percent = Double(part.dropLast()), percent.isFinite, percent >= 0 else { return nil }
                relative = percent / 100
            } else {
                guard absolute == nil, let micros = Self.parseDuration(part) else { return nil }
                absolute = micros
            }
        }
        self.init(absoluteMicros: absolute ?? 0, relative: relative ?? 0)
    }

    private static func parseDuration(_ text: Substring) -> Int64? {
        let units: [(suffix: String, micros: Double)] = [("us", 1), ("µs", 1), ("ms", 1_000), ("s", 1_000_000)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
              let number = Double(text.dropLast(unit.suffix.count)), number.isFinite, number >= 0,
              number * unit.micros < Double(Int64.max / 2)
        else { return nil }
        return Int64((number * unit.micros).rounded())
    }

    /// The command-line form: `5ms,10%`.
    public var description: String {
        let absolute = absoluteMicros % 1_000 == 0 ? "\(absoluteMicros / 1_000)ms" : "\(absoluteMicros)us"
        let percent = relative * 100
        let relativeText = percent == percent.rounded() ? "\(Int64(percent))%" : "\(percent)%"
        return "\(absolute),\(relativeText)"
    }
}
