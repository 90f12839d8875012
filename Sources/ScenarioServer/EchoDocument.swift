import Foundation
import NIOHTTP1

/// The JSON `/echo` answers with: the request exactly as the server parsed it.
///
/// Keys in a fixed order; headers as `[name, value]` pairs in arrival order with the
/// names' original case; the body as UTF-8 text when it is valid UTF-8 (else null)
/// and always as base64.
struct EchoDocument {
    var head: HTTPRequestHead
    var body: [UInt8]

    var json: [UInt8] {
        var text = "{"
        text += "\"method\":\(Self.quoted(head.method.rawValue)),"
        text += "\"target\":\(Self.quoted(head.uri)),"
        text += "\"version\":\(Self.quoted("HTTP/\(head.version.major).\(head.version.minor)")),"
        text += "\"headers\":[" + head.headers.map { "[\(Self.quoted($0.name)),\(Self.quoted($0.value))]" }.joined(separator: ",") + "],"
        text += "\"bodyLength\":\(body.count),"
        text += "\"body\":" + (String(validating: body, as: UTF8.self).map(Self.quoted) ?? "null") + ","
        text += "\"bodyBase64\":\(Self.quoted(Data(body).base64EncodedString()))"
        text += "}\n"
        return Array(text.utf8)
    }

    /// A JSON string literal (RFC 8259 §7).
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
