/// The Encoding Standard's "ISO-2022-JP decoder".
struct ISO2022JPByteDecoder: ByteDecoder {
    private enum State {
        case ascii, roman, katakana, leadingByte, trailingByte, escapeStart, escape
    }

    private var state = State.ascii
    private var outputState = State.ascii
    private var leading: UInt8 = 0
    private var output = false

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        switch state {
        case .ascii, .roman, .katakana, .leadingByte:
            guard let byte else { return .finished }
            if byte == 0x1B {
                state = .escapeStart
                return .proceed
            }
            output = false
            switch state {
            case .ascii where byte <= 0x7F && byte != 0x0E && byte != 0x0F:
                return .scalar(UInt32(byte))
            case .roman where byte == 0x5C:
                return .scalar(0x00A5)
            case .roman where byte == 0x7E:
                return .scalar(0x203E)
            case .roman where byte <= 0x7F && byte != 0x0E && byte != 0x0F:
                return .scalar(UInt32(byte))
            case .katakana where (0x21...0x5F).contains(byte):
                return .scalar(0xFF61 - 0x21 + UInt32(byte))
            case .leadingByte where (0x21...0x7E).contains(byte):
                leading = byte
                state = .trailingByte
                return .proceed
            default:
                return .error
            }
        case .trailingByte:
            guard let byte else {
                state = .leadingByte
                return .error
            }
            if byte == 0x1B {
                state = .escapeStart
                return .error
            }
            state = .leadingByte
            guard (0x21...0x7E).contains(byte) else { return .error }
            let pointer = (Int(leading) - 0x21) * 94 + Int(byte) - 0x21
            guard let codePoint = EncodingIndex.codePoint(pointer, in: EncodingIndex.jis0208) else { return .error }
            return .scalar(codePoint)
        case .escapeStart:
            if let byte, byte == 0x24 || byte == 0x28 {
                leading = byte
                state = .escape
                return .proceed
            }
            if byte != nil { restore = 1 }
            output = false
            state = outputState
            return .error
        case .escape:
            let lead = leading
            leading = 0
            var next: State?
            switch (lead, byte) {
            case (0x28, 0x42): next = .ascii
            case (0x28, 0x4A): next = .roman
            case (0x28, 0x49): next = .katakana
            case (0x24, 0x40), (0x24, 0x42): next = .leadingByte
            default: next = nil
            }
            if let next {
                state = next
                outputState = next
                let hadOutput = output
                output = true
                return hadOutput ? .error : .proceed
            }
            // Restore « leading, byte » (or just leading at end-of-queue): the last bytes read.
            restore = byte == nil ? 1 : 2
            output = false
            state = outputState
            return .error
        }
    }
}
