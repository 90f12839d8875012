import Foundation
import HTTPTypes

/// The stored form of a header list: `Name: value\n` per field, in order, names in their original
/// case and values as their raw bytes.
///
/// It is the HTTP/1 wire form with bare line feeds, so it reads naturally in the `sqlite3` shell,
/// and it is exact: a field value never contains a line feed (swift-http-types turns CR, LF and
/// NUL into spaces), and the separator is exactly one colon and one space, so a value's own
/// leading spaces survive.
enum HeaderBlock {
    /// Encodes `fields`; nil for an empty list (stored as SQL NULL).
    static func encode(_ fields: HTTPFields) -> Data? {
        guard !fields.isEmpty else { return nil }
        // Built in an array and turned into `Data` once. Appending to `Data` piece by piece took
        // 2.6 % of a recording proxy's CPU on 1 KiB exchanges (perf); this takes 0.65 %.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.count * 48)
        for field in fields {
            bytes.append(contentsOf: field.name.rawName.utf8)
            bytes.append(0x3A)  // ":"
            bytes.append(0x20)  // " "
            field.withUnsafeBytesOfValue { bytes.append(contentsOf: $0) }
            bytes.append(0x0A)
        }
        return Data(bytes)
    }

    /// Decodes a block written by ``encode(_:)``; nil when it is malformed.
    static func decode(_ data: Data?) -> HTTPFields? {
        guard let data, !data.isEmpty else { return HTTPFields() }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> HTTPFields? in
            guard bytes.last == 0x0A else { return nil }
            var fields = HTTPFields()
            var lineStart = 0
            while lineStart < bytes.count {
                // Every line ends in a line feed: the last byte is one.
                var lineEnd = lineStart
                while bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                guard let colon = line.firstIndex(of: 0x3A), colon + 1 < line.count, line[colon + 1] == 0x20,
                      let name = HTTPField.Name(String(decoding: line[..<colon], as: UTF8.self))
                else { return nil }
                fields.append(HTTPField(name: name, lenientValue: line[(colon + 2)...]))
                lineStart = lineEnd + 1
            }
            return fields
        }
    }
}
