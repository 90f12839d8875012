import Cassette
import Foundation
import ContentCoding
import HTTPTypes

/// How two bodies differ, compared after their `Content-Encoding` is decoded.
///
/// When both decoded bodies are JSON the difference is structural, by JSON path; otherwise it
/// is the sizes, the SHA-256 digests and the first byte that differs.
public struct BodyDifference: Sendable, Hashable {
    /// The most JSON paths listed; ``jsonPathCount`` counts them all.
    public static let maximumJSONPaths = 50

    /// The decoded expected body's size in bytes.
    public var expectedBytes: Int
    /// The decoded actual body's size in bytes.
    public var actualBytes: Int
    /// Lowercase hex SHA-256 of the decoded expected body.
    public var expectedSHA256: String
    /// Lowercase hex SHA-256 of the decoded actual body.
    public var actualSHA256: String
    /// The offset of the first byte that differs (the shorter body's length when one is a prefix
    /// of the other).
    public var firstDifferingOffset: Int
    /// When both bodies are JSON: the values that differ, by path (at most ``maximumJSONPaths``).
    public var jsonPaths: [FieldDifference]?
    /// How many JSON paths differ in all.
    public var jsonPathCount: Int
    /// Why a body could not be decoded and was compared as stored (a corrupt gzip stream, an
    /// unsupported coding), for each side; nil when decoding worked or was not needed.
    public var expectedDecodingProblem: String?
    public var actualDecodingProblem: String?

    /// Compares two bodies as their heads describe them; nil when the decoded bodies are equal.
    static func compare(expected: [UInt8], expectedHeaders: HTTPFields, actual: [UInt8], actualHeaders: HTTPFields) -> BodyDifference? {
        let (left, leftProblem) = decode(expected, headers: expectedHeaders)
        let (right, rightProblem) = decode(actual, headers: actualHeaders)
        guard left != right else { return nil }
        var offset = 0
        while offset < min(left.count, right.count), left[offset] == right[offset] { offset += 1 }
        var paths: [FieldDifference]?
        var pathCount = 0
        if let a = JSONDocument(left), let b = JSONDocument(right) {
            let all = a.differences(to: b)
            pathCount = all.count
            paths = all.prefix(maximumJSONPaths).map { FieldDifference($0.path, expected: $0.expected, actual: $0.actual) }
        }
        return BodyDifference(
            expectedBytes: left.count, actualBytes: right.count,
            expectedSHA256: SHA256Digest.hex(left), actualSHA256: SHA256Digest.hex(right),
            firstDifferingOffset: offset, jsonPaths: paths, jsonPathCount: pathCount,
            expectedDecodingProblem: leftProblem, actualDecodingProblem: rightProblem)
    }

    /// The most decoded bytes accepted from one body before it is compared as stored.
    static let maximumDecodedBytes = 1 << 30

    /// `body` with every coding named by `Content-Encoding` undone (the last applied first), or
    /// the stored bytes and the reason when that is not possible.
    static func decode(_ body: [UInt8], headers: HTTPFields) -> ([UInt8], String?) {
        let tokens = headers[values: .contentEncoding]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0.lowercased() != "identity" }
        var bytes = body
        for token in tokens.reversed() {
            guard let coding = HTTPContentCoding(token: token) else {
                return (body, "Content-Encoding \(token) is not supported; compared as stored")
            }
            do {
                let decoder = try ContentDecoder(coding, maximumOutputBytes: maximumDecodedBytes)
                bytes = try decoder.decode(bytes) + decoder.finish()
            } catch {
                return (body, "\(token) decoding failed (\(error)); compared as stored")
            }
        }
        return (bytes, nil)
    }
}
