/// The deterministic bytes the scenario server sends when a route asks for N bytes:
/// byte `i` is `line[i % 64]`, so every body is printable text, any slice can be
/// checked on its own, and no body needs to be held in memory to be sent.
public enum BodyPattern: Sendable {
    /// 63 printable characters and a newline.
    static let line: [UInt8] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.\n".utf8)

    /// The byte at `offset` of every pattern body.
    public static func byte(at offset: Int64) -> UInt8 {
        line[Int(offset % Int64(line.count))]
    }

    /// `count` pattern bytes starting at `offset`.
    public static func bytes(from offset: Int64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var index = Int(offset % Int64(line.count))
        for _ in 0..<count {
            bytes.append(line[index])
            index = index == line.count - 1 ? 0 : index + 1
        }
        return bytes
    }
}
