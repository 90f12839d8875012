import CurlTransport
import ScenarioServer

/// `count` bytes of the scenario server's ``BodyPattern``, generated as libcurl reads
/// them, so a large upload never sits in memory; `declaresLength: false` sends it chunked.
final class PatternBodySource: RequestBodySource {
    private let count: Int64
    private let declaresLength: Bool
    private var position: Int64 = 0

    init(count: Int64, declaresLength: Bool = true) {
        self.count = count
        self.declaresLength = declaresLength
    }

    var length: Int64? { declaresLength ? count : nil }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult {
        guard position < count else { return .end }
        let size = Int(min(Int64(buffer.count), count - position))
        var index = Int(position % 64)
        for offset in 0..<size {
            buffer[offset] = BodyPattern.byte(at: Int64(index))
            index = index == 63 ? 0 : index + 1
        }
        position += Int64(size)
        return .bytes(size)
    }
}
