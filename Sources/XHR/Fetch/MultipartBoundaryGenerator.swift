/// Makes multipart/form-data boundaries in Chromium's format, deterministically.
///
/// Chromium's boundaries are "----WebKitFormBoundary" followed by 16 characters drawn from
/// A-Z, a-z, 0-9 and "AB" again (its 64-entry alphabet). Chromium draws them at random; this
/// generator draws them from a seeded SplitMix64 so a replay sends the same bytes as the
/// recording. Inject a generator with a different seed to get different boundaries.
public struct MultipartBoundaryGenerator: Hashable, Sendable {
    private var state: UInt64

    /// The prefix of every boundary.
    public static let prefix = "----WebKitFormBoundary"

    private static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789AB")

    /// - Parameter seed: The starting state; the same seed gives the same sequence of boundaries.
    public init(seed: UInt64 = 0) {
        state = seed
    }

    /// The next boundary, such as "----WebKitFormBoundaryx5Y8b2QfGzK0aW3L".
    public mutating func next() -> String {
        var boundary = Self.prefix
        var random = nextRandom()
        for index in 0..<16 {
            if index == 8 { random = nextRandom() }
            boundary.append(Self.alphabet[Int(random & 0x3F)])
            random >>= 6
        }
        return boundary
    }

    /// SplitMix64.
    private mutating func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
