/// Uncompressed bodies used across the tests.
enum SampleBody: CaseIterable, CustomStringConvertible {
    case empty
    case oneByte
    /// 1 MiB of seeded random bytes: incompressible.
    case randomMebibyte
    /// 1 MiB of repetitive JSON-like text.
    case compressibleMebibyte

    var bytes: [UInt8] {
        switch self {
        case .empty: []
        case .oneByte: [0x2A]
        case .randomMebibyte: Self.random(count: 1 << 20, seed: 1)
        case .compressibleMebibyte: Self.text(count: 1 << 20)
        }
    }

    var description: String {
        switch self {
        case .empty: "empty"
        case .oneByte: "one byte"
        case .randomMebibyte: "1 MiB random"
        case .compressibleMebibyte: "1 MiB compressible"
        }
    }

    /// `count` seeded random bytes.
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` bytes of repetitive text that compresses well, like a JSON API response.
    static func text(count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 64)
        var index = 0
        while bytes.count < count {
            bytes += Array(#"{"id":\#(index),"name":"user \#(index % 97)","active":true},"#.utf8)
            index += 1
        }
        return Array(bytes.prefix(count))
    }
}
