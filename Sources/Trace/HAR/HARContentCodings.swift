import ContentCoding
import Foundation
import HTTPTypes

/// The content codings a response's `Content-Encoding` fields list, in the order they were
/// applied, for converting between the stored body (encoded) and HAR's `content` (decoded).
struct HARContentCodings {
    /// The coding tokens, lowercased, without `identity`.
    let tokens: [String]

    /// The largest decoded body accepted; a bigger one is exported undecoded.
    static let maximumDecodedBytes = 256 << 20

    init(_ fields: HTTPFields) {
        tokens = fields[values: .contentEncoding].flatMap { value in
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }.filter { !$0.isEmpty && $0 != "identity" }
    }

    /// The codings, or nil if one of them is not one xhrtape implements (`compress`, `zstd` …).
    private var known: [HTTPContentCoding]? {
        var codings: [HTTPContentCoding] = []
        for token in tokens {
            guard let coding = HTTPContentCoding(token: token) else { return nil }
            codings.append(coding)
        }
        return codings
    }

    /// `body` with every coding undone (last applied, first undone); nil if one is unknown or the
    /// body does not decode.
    func decode(_ body: [UInt8]) -> [UInt8]? {
        guard let known else { return nil }
        var bytes = body
        for coding in known.reversed() {
            guard let decoded = try? ContentDecoder.decode(bytes, as: coding, maximumOutputBytes: Self.maximumDecodedBytes) else {
                return nil
            }
            bytes = decoded
        }
        return bytes
    }

    /// `body` with every coding applied in order; nil if one is unknown.
    func encode(_ body: [UInt8]) -> [UInt8]? {
        guard let known else { return nil }
        var bytes = body
        for coding in known {
            guard let encoded = try? ContentEncoder.encode(bytes, as: coding) else { return nil }
            bytes = encoded
        }
        return bytes
    }
}
