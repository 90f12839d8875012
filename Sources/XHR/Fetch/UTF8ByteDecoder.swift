/// The Encoding Standard's "UTF-8 decoder" (BOM handling is the caller's, as in "decode").
struct UTF8ByteDecoder: ByteDecoder {
    private var codePoint: UInt32 = 0
    private var bytesSeen = 0
    private var bytesNeeded = 0
    private var lowerBoundary: UInt8 = 0x80
    private var upperBoundary: UInt8 = 0xBF

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard let byte else {
            // Steps 1-2.
            if bytesNeeded != 0 {
                bytesNeeded = 0
                return .error
            }
            return .finished
        }
        // Step 3.
        if bytesNeeded == 0 {
            switch byte {
            case 0x00...0x7F:
                return .scalar(UInt32(byte))
            case 0xC2...0xDF:
                bytesNeeded = 1
                codePoint = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                if byte == 0xE0 { lowerBoundary = 0xA0 }
                if byte == 0xED { upperBoundary = 0x9F }
                bytesNeeded = 2
                codePoint = UInt32(byte & 0xF)
            case 0xF0...0xF4:
                if byte == 0xF0 { lowerBoundary = 0x90 }
                if byte == 0xF4 { upperBoundary = 0x8F }
                bytesNeeded = 3
                codePoint = UInt32(byte & 0x7)
            default:
                return .error
            }
            return .proceed
        }
        // Step 4: an unexpected byte ends the sequence with one error and is reprocessed.
        guard (lowerBoundary...upperBoundary).contains(byte) else {
            codePoint = 0
            bytesNeeded = 0
            bytesSeen = 0
            lowerBoundary = 0x80
            upperBoundary = 0xBF
            restore = 1
            return .error
        }
        // Steps 5-11.
        lowerBoundary = 0x80
        upperBoundary = 0xBF
        codePoint = (codePoint << 6) | UInt32(byte & 0x3F)
        bytesSeen += 1
        guard bytesSeen == bytesNeeded else { return .proceed }
        let result = codePoint
        codePoint = 0
        bytesNeeded = 0
        bytesSeen = 0
        return .scalar(result)
    }
}
