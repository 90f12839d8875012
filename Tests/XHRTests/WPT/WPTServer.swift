import Foundation
import ContentCoding
import HTTPTypes
@testable import XHR
import TapeCore

/// The wptserve handlers under web-platform-tests `xhr/resources/` (and the few
/// `/common/` files) that the ported tests request, rebuilt as scripted timelines: each
/// answers with the status, headers, body and timing its `.py` file sends, computed from
/// the request as the handler computes it.
///
/// Tests open the same relative URLs as the WPT files ("resources/content.py?…"); the
/// harness resolves them against ``base``, the URL of the WPT `xhr/` directory.
enum WPTServer {
    static let origin = "http://web-platform.test:8000"
    /// The directory the WPT test pages live in.
    static let base = origin + "/xhr/"

    /// A harness whose transport answers like the WPT server (`scripts` take precedence).
    static func harness(_ scripts: [String: [Timeline.Entry]] = [:], timing: TimingMode = .original) -> XHRHarness {
        XHRHarness(scripts, timing: timing, baseURL: base, responder: respond)
    }

    /// The body of `resources/well-formed.xml`, byte for byte.
    static let wellFormedXML = Array("""
        <html xmlns="http://www.w3.org/1999/xhtml">
          <p id="n&#49;">1</p>
          <p xmlns="namespacesarejuststrings" id="n2">2</p>
        </html>

        """.utf8)

    /// The 50 bytes `trickle.py` writes per chunk.
    static let trickleChunk = Array("TEST_TRICKLE\n".utf8)

    /// The handler's response, preceded by the request side as the transport reports it:
    /// the whole body sent, then the end of the request.
    static func respond(_ request: ExchangeRequest) -> [Timeline.Entry]? {
        guard request.head.url.hasPrefix(origin + "/") else {
            // Any other host (the WPT files use nonexistent.{{host}}) does not resolve: nothing is sent.
            return [Script.at(1, .failure(TransportFailure(.dns, message: "cannot resolve \(request.head.url)")))]
        }
        guard let response = handle(request) else { return nil }
        // The transport reports the request as sent when the server starts answering (as
        // browsers observe it: the WPT files expect upload events right before rsc(2)).
        let at = response.first?.offsetMicros ?? 0
        let sent = request.body.isEmpty ? [] : [Timeline.Entry(offsetMicros: at, event: .requestBodySent(byteCount: request.body.count))]
        return sent + [Timeline.Entry(offsetMicros: at, event: .requestEnd)] + response
    }

    static func handle(_ request: ExchangeRequest) -> [Timeline.Entry]? {
        let url = URLResolver.withoutFragment(request.head.url)
        let pathAndQuery = url.dropFirst(origin.count)
        let path = String(pathAndQuery.prefix { $0 != "?" })
        let rawQuery = pathAndQuery.firstIndex(of: "?").map { String(pathAndQuery[pathAndQuery.index(after: $0)...]) }
        let query = URLSearchParams(query: rawQuery ?? "")
        let method = request.head.method
        let headers = request.head.headerFields.wirePairs

        func requestHeader(_ name: String) -> String? {
            let values = headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        /// What the server sees as Content-Length: Fetch sends one for any body, and 0 for
        /// a bodiless POST or PUT.
        var requestContentLength: String {
            if !request.body.isEmpty { return String(request.body.count) }
            return method == "POST" || method == "PUT" ? "0" : "NO"
        }
        /// A query parameter's bytes as wptserve's `request.GET` gives them: `+` is a space
        /// and percent-escapes are raw bytes (`%83%65` is 0x83 0x65, not UTF-8 text).
        func queryBytes(_ name: String) -> [UInt8]? {
            for pair in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = PercentEncoding.decode(Array(parts[0].replacingOccurrences(of: "+", with: " ").utf8))
                guard key == Array(name.utf8) else { continue }
                return PercentEncoding.decode(Array((parts.count > 1 ? String(parts[1]) : "").replacingOccurrences(of: "+", with: " ").utf8))
            }
            return nil
        }
        func millis(_ name: String, default value: Int64) -> Int64 {
            query.get(name).flatMap { Double($0) }.map { Int64($0) } ?? value
        }
        /// A complete response at `at` ms, with the Content-Length wptserve adds.
        func reply(_ fields: [(String, String)], _ body: [UInt8], status: Int = 200, reason: String = "OK", at time: Int64 = 1,
                   contentLength: Bool = true) -> [Timeline.Entry] {
            let head = Script.head(status, reason, fields + (contentLength ? [("Content-Length", String(body.count))] : []))
            return [Script.at(time, head)] + (body.isEmpty ? [] : [Script.at(time, .responseBodyChunk(body))]) + [Script.at(time, Script.end)]
        }

        switch path {
        case "/xhr/resources/content.py":
            let charset = query.get("response_charset_label").map { ";charset=" + $0 } ?? ""
            let fields = [("Content-type", "text/plain" + charset),
                          ("X-Request-Method", method),
                          ("X-Request-Query", rawQuery.flatMap { $0.isEmpty ? nil : $0 } ?? "NO"),
                          ("X-Request-Content-Length", requestContentLength),
                          ("X-Request-Content-Type", requestHeader("Content-Type") ?? "NO")]
            return reply(fields, queryBytes("content") ?? request.body)
        case "/xhr/resources/gzip.py", "/xhr/resources/zlib.py":
            let coding: HTTPContentCoding = path.hasSuffix("gzip.py") ? .gzip : .deflate
            let encoded = (try? ContentEncoder.encode(queryBytes("content") ?? request.body, as: coding)) ?? []
            return reply([("Content-type", "text/plain"), ("Content-Encoding", coding == .gzip ? "gzip" : "deflate"),
                          ("X-Request-Method", method),
                          ("X-Request-Query", rawQuery.flatMap { $0.isEmpty ? nil : $0 } ?? "NO"),
                          ("X-Request-Content-Length", requestContentLength),
                          ("X-Request-Content-Type", requestHeader("Content-Type") ?? "NO")], encoded)
        case "/xhr/resources/folder.txt":
            return reply([("Content-Type", "text/plain")], Array("bottom\n".utf8))
        case "/xhr/folder.txt":
            return reply([("Content-Type", "text/plain")], Array("top\n".utf8))
        case "/xhr/resources/over-1-meg.txt":
            return reply([("Content-Type", "text/plain")], Array(String(repeating: "abcd", count: 290_000).utf8))
        case "/xhr/resources/utf16-bom.json":
            return reply([("Content-Type", "application/json")], [0xFF, 0xFE] + Array("{\"foo\":\"bar\"}\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        case "/xhr/resources/chunked.py":
            // Transfer-Encoding: chunked with a trailer; the transport hands over the decoded
            // chunks and the trailer fields at the end.
            let chunks = ["First chunk\r\n", "Second chunk\r\n", "Yet another (third) chunk\r\n", "Yet another (fourth) chunk\r\n"]
            return [Script.at(1, Script.head(200, "OK", [("Transfer-Encoding", "chunked"), ("Trailer", "X-Test-Me"), ("Content-Type", "text/plain")]))]
                + chunks.map { Script.at(1, .responseBodyChunk(Array($0.utf8))) }
                + [Script.at(1, .responseEnd(trailers: HTTPFields(wirePairs: [(name: "X-Test-Me", value: "Trailer header value")])))]
        case "/xhr/resources/parse-headers.py":
            // What a client's HTTP parser makes of `My-Custom-Header: <value>`: optional
            // whitespace around the value is not part of it; a NUL is a parse error.
            guard let value = queryBytes("my-custom-header") else { return reply([], []) }
            if value.contains(0) {
                return [Script.at(1, .failure(TransportFailure(.protocolError, message: "NUL in a header value")))]
            }
            let trimmed = String(decoding: value, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            return reply([("My-Custom-Header", trimmed)], [])
        case "/xhr/resources/delay.py":
            return reply([("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "YO"), ("Content-type", "text/plain")],
                         Array("TEST_DELAY".utf8), at: millis("ms", default: 500))
        case "/xhr/resources/trickle.py":
            let delay = millis("ms", default: 500)
            let count = Int(query.get("count") ?? "") ?? 50
            var fields = [("Content-type", "text/plain")]
            if query.has("specifylength") { fields.insert(("Content-Length", String(count * trickleChunk.count)), at: 0) }
            var entries = [Script.at(delay, Script.head(200, "OK", fields))]
            for index in 0..<count {
                entries.append(Script.at(delay * Int64(2 + index), .responseBodyChunk(trickleChunk)))
            }
            entries.append(Script.at(delay * Int64(2 + count), Script.end))
            return entries
        case "/xhr/resources/status.py":
            let code = Int(query.get("code") ?? "") ?? 200
            return reply([("Content-Type", query.get("type") ?? ""), ("X-Request-Method", method)],
                         queryBytes("content") ?? [], status: code, reason: query.get("text") ?? "OMG")
        case "/xhr/resources/redirect.py":
            let delay = millis("delay", default: 1)
            if query.has("followed") {
                return reply([("Content-Type", "text/plain")], Array("MAGIC HAPPENED".utf8), at: delay)
            }
            let code = Int(query.get("code") ?? "") ?? 302
            return reply([("Location", query.get("location") ?? path + "?followed")], Array("TEST".utf8),
                         status: code, reason: "WEBSRT MARKETING", at: delay)
        case "/xhr/resources/infinite-redirects.py":
            let page = query.get("page") == "alternate" ? "default" : "alternate"
            var type = query.get("type") == "301" ? 301 : 302
            var mix = 0
            if query.get("mix") == "1" {
                mix = 1
                type = type == 301 ? 302 : 301
            }
            let location = "\(origin)\(path)?page=\(page)&type=\(type)&mix=\(mix)"
            return reply([("Cache-Control", "no-cache"), ("Pragma", "no-cache"), ("Location", location)],
                         Array("Hello guest. You have been redirected to \(location)".utf8), status: 301, reason: "Moved Permanently")
        case "/xhr/resources/well-formed.xml":
            return reply([("Content-Type", "application/xml")], wellFormedXML)
        case "/xhr/resources/echo-method.py":
            return reply([("Content-type", "text/plain")], Array(method.utf8))
        case "/xhr/resources/accept.py":
            return reply([("Content-Type", "text/plain")], Array((requestHeader("Accept") ?? "NO").utf8))
        case "/xhr/resources/echo-content-type.py":
            return reply([("Content-Type", "text/plain")], Array((requestHeader("Content-Type") ?? "").utf8))
        case "/xhr/resources/inspect-headers.py":
            let filterValue = query.get("filter_value") ?? ""
            let filterName = (query.get("filter_name") ?? "").lowercased()
            var result = ""
            for field in headers {
                if !filterValue.isEmpty {
                    if field.value == filterValue { result += field.name + "," }
                } else if field.name.lowercased() == filterName {
                    result += "\(field.name): \(field.value)\n"
                }
            }
            return reply([("content-type", "text/plain")], Array(result.utf8))
        case "/xhr/resources/headers.py":
            return reply([("Content-Type", "text/plain"), ("X-Custom-Header", "test"), ("Set-Cookie", "test"), ("Set-Cookie2", "test"),
                          ("X-Custom-Header-Empty", ""), ("X-Custom-Header-Comma", "1"), ("X-Custom-Header-Comma", "2"),
                          ("X-Custom-Header-Bytes", "\u{2026}"),
                          // wptserve adds these two to every response.
                          ("Server", "BaseHTTP/0.6 Python/3.9"), ("Date", "Thu, 01 Jan 2026 00:00:00 GMT")],
                         Array("TEST".utf8))
        case "/xhr/resources/bad-chunk-encoding.py", "/fetch/api/resources/bad-chunk-encoding.py":
            // Chunks of "TEST_CHUNK", then bytes that are not chunked encoding: the transport fails.
            let xhrVersion = path.hasPrefix("/xhr/")
            let delay = xhrVersion ? 100 : millis("ms", default: 1_000)
            let count = xhrVersion ? 5 : Int(query.get("count") ?? "") ?? 50
            var entries = [Script.at(delay, Script.head(200, "OK", xhrVersion ? [("Content-Type", "text/plain"), ("X-Content-Type-Options", "nosniff")] : []))]
            for index in 0..<count {
                entries.append(Script.at(delay * Int64(2 + index), .responseBodyChunk(Array("TEST_CHUNK".utf8))))
            }
            entries.append(Script.at(delay * Int64(2 + count), .failure(TransportFailure(.protocolError, message: "bad chunk size"))))
            return entries
        case "/xhr/resources/image.gif":
            return reply([("Content-Type", "image/gif")], Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B])
        case "/common/blank.html":
            // `?pipe=trickle(d1)`: wptserve waits one second before writing anything.
            let delay: Int64 = rawQuery?.contains("trickle(d1)") == true ? 1_000 : 1
            return reply([("Content-Type", "text/html")], [], at: delay)
        default:
            return [Script.at(1, Script.head(404, "Not Found", [("Content-Type", "text/plain"), ("Content-Length", "9")])),
                    Script.at(1, .responseBodyChunk(Array("Not Found".utf8))), Script.at(1, Script.end)]
        }
    }
}

/// The name of the DOMException `body` throws, nil when it returns normally (WPT's
/// `assert_throws_dom`, as a value to compare).
func thrownName(_ body: () throws -> Void) -> DOMException.Name? {
    do {
        try body()
        return nil
    } catch {
        return (error as? DOMException)?.name
    }
}
