import Foundation
import NIOHTTP1
import TapeCore

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
        text += "\"method\":\(head.method.rawValue.jsonStringLiteral),"
        text += "\"target\":\(head.uri.jsonStringLiteral),"
        text += "\"version\":\("HTTP/\(head.version.major).\(head.version.minor)".jsonStringLiteral),"
        text += "\"headers\":[" + head.headers.map { "[\($0.name.jsonStringLiteral),\($0.value.jsonStringLiteral)]" }.joined(separator: ",") + "],"
        text += "\"bodyLength\":\(body.count),"
        text += "\"body\":" + (String(validating: body, as: UTF8.self).map(\.jsonStringLiteral) ?? "null") + ","
        text += "\"bodyBase64\":\(Data(body).base64EncodedString().jsonStringLiteral)"
        text += "}\n"
        return Array(text.utf8)
    }
}

extension EchoDocument {
    /// The document for `request` as the server would parse it with origin-form `target`.
    init(request: ExchangeRequest, target: String) {
        let headers = HTTPHeaders(request.head.headerFields.wirePairs.map { ($0.name, $0.value) })
        self.init(head: HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.head.method), uri: target, headers: headers),
                  body: request.body)
    }
}
