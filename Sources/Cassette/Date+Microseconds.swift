import Foundation

extension Date {
    /// Whole microseconds since 1970-01-01 UTC, the unit of every wall-clock time in a cassette.
    var microsecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The date `micros` microseconds after 1970-01-01 UTC.
    init(microsecondsSince1970 micros: Int64) {
        self.init(timeIntervalSince1970: Double(micros) / 1_000_000)
    }
}
