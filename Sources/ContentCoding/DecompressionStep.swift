/// The result of one ``DecompressorStream/decompress(_:appendingTo:limit:)`` call.
struct DecompressionStep {
    /// Why the call stopped.
    enum Outcome {
        /// All input was consumed and all output it allows was produced.
        case needsInput
        /// The compressed stream ended; input after ``DecompressionStep/consumed`` was not read.
        case streamEnded
        /// The output limit was reached; more output may be pending.
        case outputLimitReached
        /// The data is invalid. The detail is the library's own description.
        case corrupt(detail: String)
        /// The library failed for a reason other than the data (memory, internal state).
        case libraryFailure(detail: String)
    }

    /// How many bytes of the call's input were consumed.
    var consumed: Int
    /// Why the call stopped.
    var outcome: Outcome
}
