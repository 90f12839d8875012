/// An HTTP protocol version as it appeared on the wire, such as `HTTP/1.1`.
public struct HTTPVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version (the `1` of `HTTP/1.1`).
    public var major: Int
    /// The minor version (the second `1` of `HTTP/1.1`).
    public var minor: Int

    /// Creates a version from its two numbers.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `HTTP/1.0`.
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    /// `HTTP/1.1`, the default everywhere in xhrtape.
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)
    /// `HTTP/2`.
    public static let http2 = HTTPVersion(major: 2, minor: 0)

    /// Parses `HTTP/1.1`, `HTTP/1.0`, `HTTP/2` or `HTTP/2.0`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard text.hasPrefix("HTTP/") else { return nil }
        let numbers = text.dropFirst(5).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(numbers.count),
              let major = Int(numbers[0]), (0...9).contains(major)
        else { return nil }
        let minor = numbers.count == 2 ? Int(numbers[1]) : 0
        guard let minor, (0...9).contains(minor) else { return nil }
        self.init(major: major, minor: minor)
    }

    /// The wire form: `HTTP/1.1`, or `HTTP/2` for major versions above 1.
    public var description: String {
        major >= 2 && minor == 0 ? "HTTP/\(major)" : "HTTP/\(major).\(minor)"
    }

    public static func < (lhs: HTTPVersion, rhs: HTTPVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
