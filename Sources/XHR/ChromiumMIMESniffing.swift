import Foundation

/// The `chromium` profile's MIME sniffing hold: Chromium's network service holds a
/// response whose type it sniffs until it has seen enough of the body (or the body
/// ends), and only then hands the head and those bytes to the page.
///
/// What the golden traces show (unless the response says `X-Content-Type-Options: nosniff`):
/// - `text/plain` is held until 1024 bytes (`net::kMaxBytesToSniff`):
///   recordings/chromium/trickle-length-i100-sniff.jsonl (500 bytes in 100-byte pieces:
///   nothing until the end, then rsc(2), rsc(3) and one progress of 500),
///   trickle-length-big-i100-sniff.jsonl (released with the piece that passes 1024),
///   reset-mid-body-sniff.jsonl (a reset inside the window: no rsc(2), only the error).
/// - `text/xml` is held until 300 bytes (the XML sniffer's limit):
///   trickle-xml-i100.jsonl (released with the third 100-byte piece).
/// - `application/octet-stream`, `application/json` and `text/html` are not held:
///   trickle-octet-i100.jsonl, trickle-json-i100.jsonl, trickle-html-i100.jsonl.
/// - Not covered by a trace, and following `net::ShouldSniffMimeType`: a missing or
///   unknown type is held like `text/plain`, `application/xml` like `text/xml`.
enum ChromiumMIMESniffing {
    /// How many decoded body bytes Chromium waits for before it releases a response
    /// with these headers, or nil when it does not hold it.
    static func bytesToSniff(headers: [(name: String, value: String)]) -> Int? {
        let nosniff = headers.contains {
            $0.name.lowercased() == "x-content-type-options"
                && $0.value.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "nosniff"
        }
        if nosniff { return nil }
        guard headers.contains(where: { $0.name.lowercased() == "content-type" }),
              let type = MIMEType.extract(from: headers)
        else { return 1_024 }
        switch type.essence {
        case "text/plain", "unknown/unknown", "application/unknown", "*/*": return 1_024
        case "text/xml", "application/xml": return 300
        default: return nil
        }
    }
}
