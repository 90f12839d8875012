/// What a decoder's handler returns ("finished", "continue", "error", or code points).
enum ByteDecoderResult: Equatable {
    case finished
    case proceed
    case error
    case scalar(UInt32)
    case scalarPair(UInt32, UInt32)
}
