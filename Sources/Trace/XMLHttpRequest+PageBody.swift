import XHR

extension XMLHttpRequest {
    /// The response body as a page reads it, for the result line's `bodyBytes` and
    /// `bodySHA256` (the same definition `scripts/chromium-traces` uses in the browser):
    ///
    /// - `""` and `text`: the UTF-8 of `responseText`, so a Shift_JIS body is compared
    ///   after decoding;
    /// - `arraybuffer` and `blob`: the body bytes;
    /// - `json`: the body bytes when they parse, `null` when they don't (a page hashes
    ///   `JSON.stringify(response)`, which equals the body for compact JSON, and is
    ///   `null` for a network error too);
    /// - `document`: the body bytes (this host has no DOM).
    var bodyAsThePageReadsIt: [UInt8] {
        switch response {
        case .text(let text): Array(text.utf8)
        case .arrayBuffer(let bytes): bytes
        case .blob: responseBytes
        case .json: responseBytes
        case .null:
            // JSON.stringify(null) for json (unparsable body, network error); no body otherwise.
            responseType == .json ? Array("null".utf8) : responseType == .document ? responseBytes : []
        }
    }
}
