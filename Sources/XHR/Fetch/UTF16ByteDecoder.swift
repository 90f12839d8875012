/// The Encoding Standard's "shared UTF-16 decoder" (UTF-16BE and UTF-16LE).
struct UTF16ByteDecoder: ByteDecoder {
    private let isBigEndian: Bool
    private var leadingByte: UInt8?
    private var leadingSurrogate: UInt32?

    init(bigEndian: Bool) {
        self.isBigEndian = bigEndian
    }

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else {
            // Steps 1-2.
            if leadingByte != nil || leadingSurrogate != nil {
                leadingByte = nil
                leadingSurrogate = nil
                return .error
            }
            return .finished
        }
        // Step 3.
        guard let lead = leadingByte else {
            leadingByte = byte
            return .proceed
        }
        // Steps 4-5.
        let codeUnit = isBigEndian
            ? (UInt32(lead) << 8) + UInt32(byte)
            : (UInt32(byte) << 8) + UInt32(lead)
        leadingByte = nil
        // Step 6: a leading surrogate not followed by a trailing one is an error, and the code
        // unit's two bytes are reprocessed.
        if let leading = leadingSurrogate {
            leadingSurrogate = nil
            if (0xDC00...0xDFFF).contains(codeUnit) {
                return .scalar(0x10000 + ((leading - 0xD800) << 10) + (codeUnit - 0xDC00))
            }
            restore = 2
            return .error
        }
        // Steps 7-9.
        if (0xD800...0xDBFF).contains(codeUnit) {
            leadingSurrogate = codeUnit
            return .proceed
        }
        if (0xDC00...0xDFFF).contains(codeUnit) { return .error }
        return .scalar(codeUnit)
    }
}
