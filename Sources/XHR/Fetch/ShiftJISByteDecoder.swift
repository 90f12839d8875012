/// The Encoding Standard's "Shift_JIS decoder".
///
/// Unlike some platform converters, bytes 0x5C and 0x7E decode to U+005C and U+007E, 0x80 decodes
/// to U+0080, and pointers 8836...10715 decode to the Private Use Area (Windows EUDC).
struct ShiftJISByteDecoder: ByteDecoder {
    private var leading: UInt8 = 0

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else {
            // Steps 1-2.
            if leading != 0 {
                leading = 0
                return .error
            }
            return .finished
        }
        // Step 3.
        if leading != 0 {
            let lead = leading
            leading = 0
            let offset = byte < 0x7F ? 0x40 : 0x41
            let leadingOffset = lead < 0xA0 ? 0x81 : 0xC1
            if (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) {
                let pointer = (Int(lead) - leadingOffset) * 188 + Int(byte) - offset
                // Step 3.7: EUDC.
                if (8836...10715).contains(pointer) {
                    return .scalar(0xE000 - 8836 + UInt32(pointer))
                }
                if let codePoint = EncodingIndex.codePoint(pointer, in: EncodingIndex.jis0208) {
                    return .scalar(codePoint)
                }
            }
            if byte < 0x80 { restore = 1 }
            return .error
        }
        // Steps 4-7.
        if byte <= 0x80 { return .scalar(UInt32(byte)) }
        if (0xA1...0xDF).contains(byte) { return .scalar(0xFF61 - 0xA1 + UInt32(byte)) }
        if (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) {
            leading = byte
            return .proceed
        }
        return .error
    }
}
