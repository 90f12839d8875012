/// The Encoding Standard's "single-byte decoder", given an index of 128 code points.
struct SingleByteDecoder: ByteDecoder {
    let index: [UInt32]

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else { return .finished }
        if byte < 0x80 { return .scalar(UInt32(byte)) }
        guard let codePoint = EncodingIndex.codePoint(Int(byte) - 0x80, in: index) else { return .error }
        return .scalar(codePoint)
    }
}
