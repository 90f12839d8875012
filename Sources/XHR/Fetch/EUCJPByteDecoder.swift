/// The Encoding Standard's "EUC-JP decoder".
struct EUCJPByteDecoder: ByteDecoder {
    private var jis0212 = false
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
        // Step 3: half-width katakana.
        if leading == 0x8E && (0xA1...0xDF).contains(byte) {
            leading = 0
            return .scalar(0xFF61 - 0xA1 + UInt32(byte))
        }
        // Step 4: JIS X 0212 prefix.
        if leading == 0x8F && (0xA1...0xFE).contains(byte) {
            jis0212 = true
            leading = byte
            return .proceed
        }
        // Step 5.
        if leading != 0 {
            let lead = leading
            leading = 0
            var codePoint: UInt32?
            if (0xA1...0xFE).contains(lead) && (0xA1...0xFE).contains(byte) {
                let pointer = (Int(lead) - 0xA1) * 94 + Int(byte) - 0xA1
                codePoint = EncodingIndex.codePoint(pointer, in: jis0212 ? EncodingIndex.jis0212 : EncodingIndex.jis0208)
            }
            jis0212 = false
            if let codePoint { return .scalar(codePoint) }
            if byte < 0x80 { restore = 1 }
            return .error
        }
        // Steps 6-8.
        if byte < 0x80 { return .scalar(UInt32(byte)) }
        if byte == 0x8E || byte == 0x8F || (0xA1...0xFE).contains(byte) {
            leading = byte
            return .proceed
        }
        return .error
    }
}
