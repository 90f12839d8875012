/// The Encoding Standard's "x-user-defined decoder": bytes 0x80...0xFF map to U+F780...U+F7FF.
struct XUserDefinedByteDecoder: ByteDecoder {
    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else { return .finished }
        if byte < 0x80 { return .scalar(UInt32(byte)) }
        return .scalar(0xF780 + UInt32(byte) - 0x80)
    }
}
