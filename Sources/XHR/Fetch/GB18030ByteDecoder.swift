/// The Encoding Standard's "gb18030 decoder" (also GBK's decoder).
struct GB18030ByteDecoder: ByteDecoder {
    private var first: UInt8 = 0
    private var second: UInt8 = 0
    private var third: UInt8 = 0

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else {
            // Steps 1-2.
            if first == 0 && second == 0 && third == 0 { return .finished }
            first = 0
            second = 0
            third = 0
            return .error
        }
        // Step 3: fourth byte of a four-byte sequence.
        if third != 0 {
            guard (0x30...0x39).contains(byte) else {
                // Restore « second, third, byte ».
                restore = 3
                first = 0
                second = 0
                third = 0
                return .error
            }
            let pointer = (Int(first) - 0x81) * (10 * 126 * 10)
                + (Int(second) - 0x30) * (10 * 126)
                + (Int(third) - 0x81) * 10
                + Int(byte) - 0x30
            first = 0
            second = 0
            third = 0
            guard let codePoint = EncodingIndex.gb18030RangesCodePoint(pointer) else { return .error }
            return .scalar(codePoint)
        }
        // Step 4: third byte.
        if second != 0 {
            if (0x81...0xFE).contains(byte) {
                third = byte
                return .proceed
            }
            // Restore « second, byte ».
            restore = 2
            first = 0
            second = 0
            return .error
        }
        // Step 5: second byte.
        if first != 0 {
            if (0x30...0x39).contains(byte) {
                second = byte
                return .proceed
            }
            let leading = first
            first = 0
            let offset = byte < 0x7F ? 0x40 : 0x41
            if (0x40...0x7E).contains(byte) || (0x80...0xFE).contains(byte) {
                let pointer = (Int(leading) - 0x81) * 190 + (Int(byte) - offset)
                if let codePoint = EncodingIndex.codePoint(pointer, in: EncodingIndex.gb18030) {
                    return .scalar(codePoint)
                }
            }
            if byte < 0x80 { restore = 1 }
            return .error
        }
        // Steps 6-9.
        if byte < 0x80 { return .scalar(UInt32(byte)) }
        if byte == 0x80 { return .scalar(0x20AC) }
        if (0x81...0xFE).contains(byte) {
            first = byte
            return .proceed
        }
        return .error
    }
}
