import HTTPTypes
package import TapeCore

/// The request header lines handed to libcurl (`CURLOPT_HTTPHEADER`).
///
/// libcurl adds `Host` itself (unless the request has one) and the body's framing;
/// everything else on the wire comes from the request, in its order and case.
package enum CurlRequestHeaders {
    /// The `CURLOPT_HTTPHEADER` lines: the request's fields in order and case, minus
    /// framing fields libcurl must own, plus removals of the defaults libcurl would add
    /// on its own (`Accept`, `Content-Type` for a body, `Expect: 100-continue`).
    ///
    /// A `Content-Length` equal to the body's length is kept in place; any other
    /// `Content-Length`, and any `Transfer-Encoding`, on a request with a body is dropped
    /// and libcurl frames the body itself.
    package static func lines(for request: ExchangeRequest, sendsBody: Bool, bodyLength: Int64?) -> [String] {
        var lines: [String] = []
        var names: Set<String> = []
        for field in request.head.headerFields {
            let name = field.name.canonicalName
            if sendsBody {
                if name == "transfer-encoding" { continue }
                if name == "content-length", bodyLength.map(String.init) != field.value { continue }
            }
            names.insert(name)
            // "Name;" is libcurl's way to send a field with an empty value ("Name:" removes it).
            lines.append(field.value.isEmpty ? "\(field.name.rawName);" : "\(field.name.rawName): \(field.value)")
        }
        if !names.contains("accept") { lines.append("Accept:") }
        if sendsBody, !names.contains("content-type") { lines.append("Content-Type:") }
        if !names.contains("expect") { lines.append("Expect:") }
        return lines
    }
}
