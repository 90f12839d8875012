/// A request body held in memory: what `ExchangeRequest.body` becomes.
public final class BytesBodySource: RequestBodySource {
    private let bytes: [UInt8]
    private var position = 0

    /// Creates a source that sends `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var length: Int64? { Int64(bytes.count) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult {
        guard position < bytes.count else { return .end }
        let count = min(buffer.count, bytes.count - position)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
        }
        position += count
        return .bytes(count)
    }

    public func rewind() -> Bool {
        position = 0
        return true
    }
}

@available(*, unavailable, message: "A body source belongs to the transfer that reads it")
extension BytesBodySource: Sendable {}
