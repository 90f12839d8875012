import TapeCore

extension HTTPVersion {
    /// The stored form: `10 × major + minor` (11 for HTTP/1.1, 20 for HTTP/2).
    var storedValue: Int64 { Int64(major * 10 + minor) }

    /// Decodes ``storedValue``; nil outside 0…99.
    init?(storedValue: Int64) {
        guard (0...99).contains(storedValue) else { return nil }
        self.init(major: Int(storedValue / 10), minor: Int(storedValue % 10))
    }
}
