import TapeCore

/// The query of a scenario request, read parameter by parameter with typed checks.
///
/// Every parameter a route reads is marked as used; ``rejectUnused(path:)`` then turns
/// a typo such as `chunk=3` into a 400 instead of silently ignoring it.
struct ScenarioQuery {
    private var values: [(name: String, value: String)]
    private var used: Set<String> = []

    /// Parses `a=1&b=%20x` (`+` is a space, percent escapes are decoded).
    init(_ query: Substring) throws(ScenarioRequestError) {
        values = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.percentDecoded(parts[0]),
                  let value = Self.percentDecoded(parts.count > 1 ? parts[1] : "")
            else {
                throw ScenarioRequestError(code: .badValue, parameter: String(parts[0]),
                                           message: "The query part '\(pair)' has a bad percent escape; encode '%' as %25.")
            }
            if values.contains(where: { $0.name == name }) {
                throw ScenarioRequestError(code: .badValue, parameter: name,
                                           message: "Query parameter '\(name)' is given twice; give it once.")
            }
            values.append((name, value))
        }
    }

    /// The raw text of `name`, marking it used.
    mutating func string(_ name: String) -> String? {
        used.insert(name)
        return values.first { $0.name == name }?.value
    }

    /// A whole number in `range`, or `defaultValue` when absent. Accepts the suffixes
    /// `k`, `m` and `g` (powers of 1024) so `n=2g` asks for 2 GiB.
    mutating func integer(_ name: String, default defaultValue: Int64, in range: ClosedRange<Int64>) throws(ScenarioRequestError) -> Int64 {
        guard let text = string(name) else { return defaultValue }
        var digits = Substring(text.lowercased())
        var multiplier: Int64 = 1
        switch digits.last {
        case "k": multiplier = 1 << 10
        case "m": multiplier = 1 << 20
        case "g": multiplier = 1 << 30
        default: break
        }
        if multiplier != 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter),
              let number = Int64(digits),
              case (let product, false) = number.multipliedReportingOverflow(by: multiplier),
              range.contains(product)
        else {
            throw ScenarioRequestError(code: .badValue, parameter: name,
                                       message: "Query parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound) (suffixes k, m, g allowed); got '\(text)'.")
        }
        return product
    }

    /// One of `choices`, or `defaultValue` when absent.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: T) throws(ScenarioRequestError) -> T where T.RawValue == String {
        guard let text = string(name) else { return defaultValue }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ScenarioRequestError(code: .badValue, parameter: name,
                                       message: "Query parameter '\(name)' must be one of \(names); got '\(text)'.")
        }
        return value
    }

    /// `1`/`true` or `0`/`false`, or `defaultValue` when absent.
    mutating func flag(_ name: String, default defaultValue: Bool = false) throws(ScenarioRequestError) -> Bool {
        guard let text = string(name) else { return defaultValue }
        switch text {
        case "1", "true", "": return true
        case "0", "false": return false
        default:
            throw ScenarioRequestError(code: .badValue, parameter: name,
                                       message: "Query parameter '\(name)' must be 1 or 0; got '\(text)'.")
        }
    }

    /// Marks every parameter used, for routes that echo the query instead of reading it.
    mutating func acceptAnyOtherParameter() {
        used.formUnion(values.map(\.name))
    }

    /// Throws for the first parameter no route code asked for.
    func rejectUnused(path: String) throws(ScenarioRequestError) {
        guard let unknown = values.first(where: { !used.contains($0.name) }) else { return }
        let known = used.sorted().joined(separator: ", ")
        throw ScenarioRequestError(code: .unknownParameter, parameter: unknown.name,
                                   message: "Unknown query parameter '\(unknown.name)' for \(path); known: \(known).")
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(PercentEncoding.hexValue), let low = iterator.next().flatMap(PercentEncoding.hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
