import Foundation

extension XMLHttpRequest {
    /// The response's status code, or 0 before a response or after a network error.
    public var status: Int { fetchedResponse?.status ?? 0 }

    /// The response's reason phrase, exactly as received ("" before a response).
    public var statusText: String { fetchedResponse?.statusText ?? "" }

    /// The URL of the final response, without its fragment ("" before a response).
    public var responseURL: String {
        guard let url = fetchedResponse?.url else { return "" }
        return url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }

    /// The values of response header `name`, joined with ", "; nil when absent.
    /// `Set-Cookie` and `Set-Cookie2` are never exposed.
    public func getResponseHeader(_ name: String) -> String? {
        guard let response = fetchedResponse else { return nil }
        return HeaderRules.responseHeader(name, in: response.headers)
    }

    /// Every exposed response header as `name: value\r\n` lines, names lowercased,
    /// duplicates combined, sorted ("" before a response).
    public func getAllResponseHeaders() -> String {
        guard let response = fetchedResponse else { return "" }
        return HeaderRules.allResponseHeadersString(response.headers)
    }

    /// Makes the response be read as `mime` (an unparsable value means
    /// `application/octet-stream`).
    /// - Throws: `InvalidStateError` once loading or done.
    public func overrideMimeType(_ mime: String) throws(DOMException) {
        guard readyState != .loading, readyState != .done else {
            throw DOMException(.invalidStateError, "overrideMimeType() must be called before the response body arrives (state is \(readyState)).")
        }
        overrideMIMEType = MIMEType(mime) ?? MIMEType("application/octet-stream")
    }

    /// The response as text.
    /// - Throws: `InvalidStateError` when ``responseType`` is neither `""` nor `text`.
    public var responseText: String {
        get throws(DOMException) {
            guard responseType == .empty || responseType == .text else {
                throw DOMException(.invalidStateError, "responseText is only available when responseType is \"\" or \"text\", not \"\(responseType.rawValue)\".")
            }
            guard readyState == .loading || readyState == .done else { return "" }
            return textResponse()
        }
    }

    /// The response body bytes received so far (after content decoding).
    public var responseBytes: [UInt8] { receivedBytes }

    /// The response, shaped by ``responseType``.
    public var response: XHRResponse {
        switch responseType {
        case .empty, .text:
            guard readyState == .loading || readyState == .done else { return .text("") }
            return .text(textResponse())
        case .arraybuffer, .blob, .json, .document:
            guard readyState == .done, fetchedResponse != nil else { return .null }
            switch responseType {
            case .arraybuffer:
                return .arrayBuffer(receivedBytes)
            case .blob:
                return .blob(Blob(responseBytes: receivedBytes, finalMIMEType: finalMIMEType))
            case .json:
                guard let response = fetchedResponse, !response.bodyIsNull else { return .null }
                return parseJSON(receivedBytes).map(XHRResponse.json) ?? .null
            case .document, .empty, .text:
                // No DOM in this host: documented as null rather than a partial Document.
                return .null
            }
        }
    }

    /// "get a response MIME type": from Content-Type, `text/xml` when absent or unparsable.
    var responseMIMEType: MIMEType {
        MIMEType.extract(from: fetchedResponse?.headers ?? []) ?? MIMEType("text/xml")!
    }

    /// "get a final MIME type": the override, else the response's.
    var finalMIMEType: MIMEType {
        overrideMIMEType ?? responseMIMEType
    }

    /// "get a final encoding": the override's charset, else the response's; nil for
    /// no label or an unknown one.
    var finalEncoding: TextEncoding? {
        let label = overrideMIMEType?.charset ?? responseMIMEType.charset
        return label.flatMap { TextEncoding(label: $0) }
    }

    /// "get a text response".
    func textResponse() -> String {
        guard fetchedResponse != nil else { return "" }
        var encoding = finalEncoding
        if responseType == .empty, encoding == nil, finalMIMEType.isXML {
            encoding = TextEncoding.xmlDeclaredEncoding(receivedBytes)
        }
        return (encoding ?? TextEncoding(label: "utf-8")!).decode(receivedBytes)
    }

    /// Infra's "parse JSON from bytes": UTF-8 decode (a BOM is dropped), then JSON.
    private func parseJSON(_ bytes: [UInt8]) -> Any? {
        // Encoding's "UTF-8 decode": only a UTF-8 BOM is skipped; no BOM sniffing, so a
        // UTF-16 body decodes to U+FFFDs and fails to parse (WPT json.any.js).
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = TextEncoding(label: "utf-8")!.decodeWithoutBOMSniffing(bytes[start...])
        return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
