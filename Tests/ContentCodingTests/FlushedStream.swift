import ContentCoding
import Testing

/// A body encoded in pieces with a ``ContentEncoder/flush()`` after each piece, remembering where
/// each flushed piece ends in the compressed bytes.
struct FlushedStream {
    /// Where a flushed piece ends.
    struct Boundary {
        /// Compressed bytes up to and including the piece's flush.
        var encodedCount: Int
        /// Uncompressed bytes up to and including the piece.
        var bodyCount: Int
    }

    private(set) var body: [UInt8] = []
    private(set) var encoded: [UInt8] = []
    private(set) var boundaries: [Boundary] = []

    /// Encodes 12 pieces of seeded random sizes (some empty), alternating text and random bytes.
    init(coding: HTTPContentCoding, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let encoder = try ContentEncoder(coding)
        for index in 0..<12 {
            let count = Int.random(in: 0...2_000, using: &generator)
            let piece = index.isMultiple(of: 2)
                ? SampleBody.text(count: count)
                : SampleBody.random(count: count, seed: seed &+ UInt64(index))
            encoded += try encoder.encode(piece) + encoder.flush()
            body += piece
            boundaries.append(Boundary(encodedCount: encoded.count, bodyCount: body.count))
        }
        encoded += try encoder.finish()
    }

    /// Records an issue unless `new`, decoded after `offset` earlier bytes once `fed` compressed
    /// bytes went in, continues the body and completes every piece whose flush has been fed.
    func expectProgress(_ new: [UInt8], after offset: Int, fed: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let end = offset + new.count
        if end > body.count || !body[offset..<end].elementsEqual(new) {
            Issue.record("decoded bytes \(offset)..<\(end) after \(fed) compressed bytes differ from the body",
                         sourceLocation: sourceLocation)
        }
        let due = boundaries.last { $0.encodedCount <= fed }?.bodyCount ?? 0
        if end < due {
            Issue.record("only \(end) of \(due) flushed bytes decoded after \(fed) compressed bytes",
                         sourceLocation: sourceLocation)
        }
    }
}
