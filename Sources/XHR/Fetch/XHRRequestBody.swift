/// A body passed to XHR's `send()` (other than a Document, which the XHR object serializes itself).
public enum XHRRequestBody: Hashable, Sendable {
    /// A USVString (JavaScript strings and other objects converted to strings).
    case string(String)
    /// A BufferSource (ArrayBuffer or a view), sent verbatim.
    case bytes([UInt8])
    /// A Blob or File.
    case blob(Blob)
    /// A URLSearchParams object.
    case urlSearchParams(URLSearchParams)
    /// A FormData object.
    case formData(FormData)

    /// Fetch's "extract a body" (through "safely extract"), with a fresh default boundary generator.
    ///
    /// - Returns: The body's bytes and its type: "text/plain;charset=UTF-8" for strings,
    ///   "application/x-www-form-urlencoded;charset=UTF-8" for URLSearchParams,
    ///   "multipart/form-data; boundary=…" for FormData, the blob's type if not empty, else nil.
    public func extract() -> (bytes: [UInt8], contentType: String?) {
        var generator = MultipartBoundaryGenerator()
        return extract(boundaries: &generator)
    }

    /// Fetch's "extract a body", drawing a FormData boundary from `boundaries`.
    public func extract(boundaries: inout MultipartBoundaryGenerator) -> (bytes: [UInt8], contentType: String?) {
        switch self {
        case .string(let string):
            return (Array(string.utf8), "text/plain;charset=UTF-8")
        case .bytes(let bytes):
            return (bytes, nil)
        case .blob(let blob):
            return (blob.bytes, blob.type.isEmpty ? nil : blob.type)
        case .urlSearchParams(let parameters):
            return (Array(parameters.serialized.utf8), "application/x-www-form-urlencoded;charset=UTF-8")
        case .formData(let formData):
            let boundary = boundaries.next()
            return (Self.multipartEncoded(formData, boundary: boundary), "multipart/form-data; boundary=" + boundary)
        }
    }

    /// HTML's "multipart/form-data encoding algorithm" with UTF-8, in Chromium's byte layout.
    ///
    /// Names and string values have newlines normalized to CRLF; then in names and file names
    /// LF, CR and `"` are escaped as `%0A`, `%0D` and `%22`. File parts carry the blob's type,
    /// or application/octet-stream when it is empty.
    public static func multipartEncoded(_ formData: FormData, boundary: String) -> [UInt8] {
        var output: [UInt8] = []
        func write(_ string: String) { output.append(contentsOf: string.utf8) }
        for entry in formData.entries {
            write("--" + boundary + "\r\n")
            let name = escapeMultipartName(normalizeNewlines(entry.name))
            switch entry.value {
            case .string(let value):
                write("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                write(normalizeNewlines(value))
            case .file(let blob, let filename):
                write("Content-Disposition: form-data; name=\"" + name + "\"; filename=\""
                      + escapeMultipartName(filename) + "\"\r\n")
                write("Content-Type: " + (blob.type.isEmpty ? "application/octet-stream" : blob.type) + "\r\n\r\n")
                output.append(contentsOf: blob.bytes)
            }
            write("\r\n")
        }
        write("--" + boundary + "--\r\n")
        return output
    }

    /// Replaces every CR not followed by LF, and every LF not preceded by CR, by CRLF.
    static func normalizeNewlines(_ string: String) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(string.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r" {
                output.append(contentsOf: ["\r", "\n"])
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else if scalar == "\n" {
                output.append(contentsOf: ["\r", "\n"])
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// The escaping of field names and file names: LF → %0A, CR → %0D, `"` → %22.
    static func escapeMultipartName(_ string: String) -> String {
        var output = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\n": output += "%0A"
            case "\r": output += "%0D"
            case "\"": output += "%22"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `send()` step 4 rewrites an author Content-Type's charset for this body (strings
    /// and URLSearchParams; a Document also qualifies, see ``charsetRewrittenToUTF8(_:)``).
    public var rewritesAuthorCharset: Bool {
        switch self {
        case .string, .urlSearchParams: return true
        case .bytes, .blob, .formData: return false
        }
    }

    /// `send()` step 4's rewrite of an author Content-Type for a Document, URLSearchParams or
    /// string body.
    ///
    /// The value is parsed as a MIME type from bytes; if that succeeds and its `charset`
    /// parameter exists and is not an ASCII case-insensitive match for "UTF-8", the parameter is
    /// set to "UTF-8" and the whole MIME type is re-serialized (so other parameters are kept, but
    /// case and spacing are normalized: "YO/yo;charset=x;yo=YO; X=y" becomes
    /// "yo/yo;charset=UTF-8;yo=YO;x=y").
    /// - Returns: The new header value, or nil when the author value is to be sent unchanged.
    public static func charsetRewrittenToUTF8(_ authorContentType: String) -> String? {
        guard var record = MIMEType(bytes: authorContentType.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }),
              let charset = record.charset,
              !HTTPGrammar.equalsIgnoringASCIICase(charset, "UTF-8") else { return nil }
        record.setParameter("charset", to: "UTF-8")
        return record.serialized
    }

    /// The Content-Type value `send()` step 4 puts in the author request headers.
    ///
    /// - Parameters:
    ///   - authorContentType: The author's `Content-Type` ("get" from the author request headers).
    ///   - extractedContentType: The type from ``extract()``.
    /// - Returns: The value to "set" as Content-Type, or nil to leave the headers as they are.
    public func contentTypeForSend(authorContentType: String?, extractedContentType: String?) -> String? {
        guard let authorContentType else { return extractedContentType }
        return rewritesAuthorCharset ? Self.charsetRewrittenToUTF8(authorContentType) : nil
    }
}
