/// One of the Encoding Standard's decoders: a handler run by "process a queue".
///
/// `handle` gets the next byte, or nil for end-of-queue. To "restore" bytes to the I/O queue the
/// handler sets `restore` to how many of the most recently read bytes go back (in every decoder
/// of the standard the restored bytes are exactly the last ones read, in order).
protocol ByteDecoder {
    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult
}

extension ByteDecoder {
    /// "Process a queue" with error mode "replacement": errors become U+FFFD.
    mutating func decodeReplacing(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var position = bytes.startIndex
        while true {
            let byte: UInt8?
            if position < bytes.endIndex {
                byte = bytes[position]
                position += 1
            } else {
                byte = nil
            }
            var restore = 0
            let result = handle(byte, restore: &restore)
            position -= restore
            switch result {
            case .finished:
                return String(scalars)
            case .proceed:
                continue
            case .error:
                scalars.append("\u{FFFD}")
            case .scalar(let value):
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case .scalarPair(let first, let second):
                scalars.append(Unicode.Scalar(first) ?? "\u{FFFD}")
                scalars.append(Unicode.Scalar(second) ?? "\u{FFFD}")
            }
        }
    }
}
