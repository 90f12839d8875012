/// The Encoding Standard's "EUC-KR decoder".
struct EUCKRByteDecoder: ByteDecoder {
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
            if (0x41...0xFE).contains(byte) {
                let pointer = (Int(lead) - 0x81) * 190 + (Int(byte) - 0x41)
                if let codePoint = EncodingIndex.codePoint(pointer, in: EncodingIndex.eucKR) {
                    return .scalar(codePoint)
                }
            }
            if byte < 0x80 { restore = 1 }
            return .error
        }
        // Steps 4-6.
        if byte < 0x80 { return .scalar(UInt32(byte)) }
        if (0x81...0xFE).contains(byte) {
            leading = byte
            return .proceed
        }
        return .error
    }
}
