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
        var bytes = Data()
        for field in fields {
            bytes.append(contentsOf: field.name.rawName.utf8)
            bytes.append(contentsOf: [0x3A, 0x20])  // ": "
            field.withUnsafeBytesOfValue { bytes.append(contentsOf: $0) }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Decodes a block written by ``encode(_:)``; nil when it is malformed.
    static func decode(_ data: Data?) -> HTTPFields? {
        guard let data, !data.isEmpty else { return HTTPFields() }
        var fields = HTTPFields()
        let bytes = [UInt8](data)
        guard bytes.last == 0x0A else { return nil }
        for line in bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: 0x3A),
                  line.index(after: colon) < line.endIndex, line[line.index(after: colon)] == 0x20,
                  let name = HTTPField.Name(String(decoding: line[..<colon], as: UTF8.self))
            else { return nil }
            fields.append(HTTPField(name: name, lenientValue: line[(colon + 2)...]))
        }
        return fields
    }
}
