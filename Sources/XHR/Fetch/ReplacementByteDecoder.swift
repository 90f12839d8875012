/// The Encoding Standard's "replacement decoder": one error for non-empty input, then finished.
struct ReplacementByteDecoder: ByteDecoder {
    private var errorReturned = false

    mutating func handle(_ byte: UInt8?, restore: inout Int) -> ByteDecoderResult {
        guard byte != nil else { return .finished }
        if !errorReturned {
            errorReturned = true
            return .error
        }
        return .finished
    }
}
