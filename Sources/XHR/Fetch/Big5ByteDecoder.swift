/// The Encoding Standard's "Big5 decoder".
struct Big5ByteDecoder: ByteDecoder {
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
            var pointer: Int?
            let offset = byte < 0x7F ? 0x40 : 0x62
            if (0x40...0x7E).contains(byte) || (0xA1...0xFE).contains(byte) {
                pointer = (Int(lead) - 0x81) * 157 + (Int(byte) - offset)
            }
            // Step 3.6: four pointers decode to two code points each.
            switch pointer {
            case 1133: return .scalarPair(0x00CA, 0x0304)
            case 1135: return .scalarPair(0x00CA, 0x030C)
            case 1164: return .scalarPair(0x00EA, 0x0304)
            case 1166: return .scalarPair(0x00EA, 0x030C)
            default: break
            }
            if let pointer, let codePoint = EncodingIndex.codePoint(pointer, in: EncodingIndex.big5) {
                return .scalar(codePoint)
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
