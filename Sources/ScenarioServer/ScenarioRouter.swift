import ContentCoding

/// Turns a request's method and target into a ``ScenarioPlan``: the one place that
/// knows every scenario. The table in ``ScenarioServer``'s documentation lists them.
///
/// Pure: no IO, no clock, so every route is tested without sockets.
enum ScenarioRouter {
    /// Largest body a route generates (`/bytes?n=`): 64 GiB, streamed, never buffered.
    static let maximumPatternBytes: Int64 = 64 << 30
    /// Largest body that is encoded in memory (`/encoded?n=`).
    static let maximumEncodedBytes: Int64 = 64 << 20
    /// Longest any scenario waits (`delay`, `interval`, `hang`): two minutes.
    static let maximumDelayMillis: Int64 = 120_000

    /// The paths the server knows, for the index page and for 400 messages.
    static let paths = [
        "/", "/bytes", "/trickle", "/status", "/redirect", "/encoded", "/charset", "/headers",
        "/echo", "/upload-sink", "/close-before-headers", "/hang",
    ]

    /// The plan for `target` (origin form, `/path?query`) requested with `method`.
    static func plan(method: String, target: String) throws(ScenarioRequestError) -> ScenarioPlan {
        let pathEnd = target.firstIndex(of: "?") ?? target.endIndex
        let path = String(target[..<pathEnd])
        let queryText = pathEnd < target.endIndex ? target[target.index(after: pathEnd)...] : ""
        var query = try ScenarioQuery(queryText)
        let isHead = method == "HEAD"

        let delay = try query.integer("delay", default: 0, in: 0...maximumDelayMillis)
        let action: ScenarioPlan.Action
        switch path {
        case "/":
            action = .respond(ScenarioResponse(
                status: 200, reasonPhrase: "OK", headers: [HeaderLine("Content-Type", "text/plain; charset=utf-8")],
                body: .bytes(Array(indexText.utf8))))
        case "/bytes":
            let count = try query.integer("n", default: 1024, in: 0...maximumPatternBytes)
            action = .respond(try shaped(textResponse(.pattern(count: count)), by: &query))
        case "/trickle":
            let chunks = try query.integer("chunks", default: 5, in: 1...100_000)
            let size = try query.integer("size", default: 100, in: 1...(16 << 20))
            let interval = try query.integer("interval", default: 100, in: 0...maximumDelayMillis)
            var response = try shaped(textResponse(.pattern(count: chunks * size)), by: &query, pacingFromQuery: false)
            response.pacing = .trickle(pieces: chunks, intervalMillis: interval)
            action = .respond(response)
        case "/status":
            action = .respond(try statusResponse(&query))
        case "/redirect":
            action = .respond(try redirectResponse(&query))
        case "/encoded":
            action = .respond(try encodedResponse(&query))
        case "/charset":
            action = .respond(try charsetResponse(&query))
        case "/headers":
            action = .respond(try shaped(headersResponse(), by: &query))
        case "/echo":
            action = .echo(template: try shaped(jsonResponse(), by: &query))
            query.acceptAnyOtherParameter()  // echoed back, so a page can make each URL unique
        case "/upload-sink":
            let rate = try query.integer("rate", default: 1 << 20, in: 1...(1 << 40))
            action = .uploadSink(bytesPerSecond: rate, template: try shaped(jsonResponse(), by: &query))
        case "/close-before-headers":
            let mode = try query.choice("mode", default: CloseMode.fin)
            action = .closeWithoutResponse(reset: mode == .rst)
        case "/hang":
            action = .hang(millis: try query.integer("ms", default: 30_000, in: 0...maximumDelayMillis))
        default:
            throw ScenarioRequestError(
                code: .unknownPath, parameter: nil,
                message: "Unknown scenario path \(path). Known paths: \(paths.joined(separator: ", ")); GET / lists them with their parameters.")
        }
        try query.rejectUnused(path: path)

        var plan = ScenarioPlan(action: action, delayBeforeHeadMillis: delay)
        if isHead, case .respond(var response) = plan.action {
            response.omitBody = true
            plan.action = .respond(response)
        }
        return plan
    }

    private enum CloseMode: String, CaseIterable { case fin, rst }

    // MARK: Routes

    private static func textResponse(_ body: ScenarioResponse.Body, contentType: String = "text/plain") -> ScenarioResponse {
        ScenarioResponse(status: 200, reasonPhrase: "OK", headers: [HeaderLine("Content-Type", contentType)], body: body)
    }

    private static func jsonResponse() -> ScenarioResponse {
        ScenarioResponse(status: 200, reasonPhrase: "OK", headers: [HeaderLine("Content-Type", "application/json")], body: .bytes([]))
    }

    private static func statusResponse(_ query: inout ScenarioQuery) throws(ScenarioRequestError) -> ScenarioResponse {
        let code = Int(try query.integer("code", default: 200, in: 200...999))
        let reason = query.string("reason") ?? standardReasonPhrase(code)
        guard reason.utf8.allSatisfy({ $0 == 0x09 || (0x20...0x7E).contains($0) || $0 >= 0x80 }) else {
            throw ScenarioRequestError(code: .badValue, parameter: "reason",
                                       message: "Query parameter 'reason' may not contain control characters.")
        }
        let count = try query.integer("n", default: -1, in: -1...maximumPatternBytes)
        let body: ScenarioResponse.Body = count >= 0 ? .pattern(count: count) : .bytes(Array("status \(code)\n".utf8))
        var response = try shaped(textResponse(body), by: &query)
        response.status = code
        response.reasonPhrase = reason
        if response.statusForbidsBody { response.body = .bytes([]) }
        return response
    }

    private static func redirectResponse(_ query: inout ScenarioQuery) throws(ScenarioRequestError) -> ScenarioResponse {
        let code = Int(try query.integer("code", default: 302, in: 300...399))
        let destination = query.string("to") ?? "/bytes?n=16"
        let chain = try query.integer("chain", default: 1, in: 1...100)
        let loop = try query.flag("loop")
        let location: String
        if loop {
            location = "/redirect?code=\(code)&loop=1"
        } else if chain > 1 {
            location = "/redirect?code=\(code)&chain=\(chain - 1)&to=\(percentEncoded(destination))"
        } else {
            location = destination
        }
        guard location.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 >= 0x80 }) else {
            throw ScenarioRequestError(code: .badValue, parameter: "to",
                                       message: "Query parameter 'to' may not contain control characters.")
        }
        var response = try shaped(textResponse(.bytes(Array("redirecting to \(location)\n".utf8))), by: &query)
        response.status = code
        response.reasonPhrase = standardReasonPhrase(code)
        response.headers.append(HeaderLine("Location", location))
        return response
    }

    private static func encodedResponse(_ query: inout ScenarioQuery) throws(ScenarioRequestError) -> ScenarioResponse {
        let coding = try query.choice("coding", default: HTTPContentCoding.gzip)
        let count = try query.integer("n", default: 4096, in: 0...maximumEncodedBytes)
        let plain = BodyPattern.bytes(from: 0, count: Int(count))
        let encoded: [UInt8]
        do {
            encoded = try ContentEncoder.encode(plain, as: coding)
        } catch {
            throw ScenarioRequestError(code: .badValue, parameter: "coding", message: "Encoding the body as \(coding.rawValue) failed: \(error)")
        }
        var response = try shaped(textResponse(.bytes(encoded)), by: &query)
        response.headers.append(HeaderLine("Content-Encoding", coding.rawValue))
        return response
    }

    private enum CharsetDeclaration: String, CaseIterable { case header, xml, both, none }
    private enum CharsetFormat: String, CaseIterable { case text, xml }

    private static func charsetResponse(_ query: inout ScenarioQuery) throws(ScenarioRequestError) -> ScenarioResponse {
        let sample = try query.choice("charset", default: CharsetSample.utf8)
        let declaration = try query.choice("declare", default: CharsetDeclaration.header)
        let format = try query.choice("format", default: CharsetFormat.text)
        let bom = try query.flag("bom")
        if bom, sample.byteOrderMark == nil {
            throw ScenarioRequestError(code: .conflictingParameters, parameter: "bom",
                                       message: "\(sample.label) has no byte order mark; use bom=1 only with utf-8 or utf-16le.")
        }
        var body = bom ? sample.byteOrderMark ?? [] : []
        let inHeader = declaration == .header || declaration == .both
        let inXML = declaration == .xml || declaration == .both
        switch format {
        case .text:
            if inXML {
                throw ScenarioRequestError(code: .conflictingParameters, parameter: "declare",
                                           message: "declare=\(declaration.rawValue) needs format=xml.")
            }
            body += sample.encodedText
        case .xml:
            let declarationText = inXML ? "<?xml version=\"1.0\" encoding=\"\(sample.label)\"?>" : "<?xml version=\"1.0\"?>"
            body += sample.encodeASCII(declarationText + "<text>") + sample.encodedText + sample.encodeASCII("</text>")
        }
        let mime = format == .xml ? "application/xml" : "text/plain"
        var response = try shaped(textResponse(.bytes(body), contentType: inHeader ? "\(mime); charset=\(sample.label)" : mime), by: &query)
        response.headers.append(HeaderLine("X-Charset-Sample", sample.rawValue))
        return response
    }

    private static func headersResponse() -> ScenarioResponse {
        ScenarioResponse(status: 200, reasonPhrase: "OK", headers: [
            HeaderLine("Content-Type", "text/plain"),
            HeaderLine("X-Dup", "first"),
            HeaderLine("x-mixed-CASE", "kept as sent"),
            HeaderLine("Set-Cookie", "a=1; Path=/"),
            HeaderLine("X-Dup", "second"),
            HeaderLine("Set-Cookie", "b=2; Path=/; HttpOnly"),
            HeaderLine("Set-Cookie2", "legacy=1"),
            HeaderLine("X-Empty", ""),
            HeaderLine("X-Dup", "third, with comma"),
        ], body: .bytes(Array("duplicate headers\n".utf8)))
    }

    // MARK: Shared shape parameters

    /// Applies the parameters every body route shares: `type`, `nosniff`, `framing`,
    /// `body-delay`, `chunks` + `interval` (unless the route paces itself), `reset-after`
    /// and `close-after`.
    private static func shaped(_ base: ScenarioResponse, by query: inout ScenarioQuery, pacingFromQuery: Bool = true) throws(ScenarioRequestError) -> ScenarioResponse {
        var response = base
        if let type = query.string("type") {
            guard !type.isEmpty, type.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
                throw ScenarioRequestError(code: .badValue, parameter: "type", message: "Query parameter 'type' must be printable ASCII, like text/html; charset=utf-8.")
            }
            response.headers.removeAll { $0.name == "Content-Type" }
            response.headers.insert(HeaderLine("Content-Type", type), at: 0)
        }
        if try query.flag("nosniff") {
            response.headers.append(HeaderLine("X-Content-Type-Options", "nosniff"))
        }
        response.framing = try query.choice("framing", default: ScenarioResponse.Framing.length)
        response.bodyDelayMillis = try query.integer("body-delay", default: 0, in: 0...maximumDelayMillis)
        if pacingFromQuery {
            let chunks = try query.integer("chunks", default: 0, in: 0...100_000)
            let interval = try query.integer("interval", default: 100, in: 0...maximumDelayMillis)
            if chunks > 0 {
                response.pacing = .trickle(pieces: chunks, intervalMillis: interval)
            }
        }
        let resetAfter = try query.integer("reset-after", default: -1, in: -1...maximumPatternBytes)
        let closeAfter = try query.integer("close-after", default: -1, in: -1...maximumPatternBytes)
        switch (resetAfter, closeAfter) {
        case (-1, -1): break
        case (let bytes, -1): response.interruption = .resetAfter(bytes: bytes)
        case (-1, let bytes): response.interruption = .closeAfter(bytes: bytes)
        default:
            throw ScenarioRequestError(code: .conflictingParameters, parameter: "close-after",
                                       message: "Give reset-after or close-after, not both.")
        }
        return response
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The reason phrase RFC 9110 gives `status`, or an empty one.
    static func standardReasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 418: "I'm a teapot"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }

    /// The body of `GET /`.
    static let indexText = """
        xhrtape scenario server. Every route takes delay=MS (wait before the response head).
        Body routes also take: type=MIME, nosniff=1, framing=length|chunked|close, body-delay=MS,
        chunks=K&interval=MS (split the body into K pieces, one every MS), reset-after=N (RST after
        N body bytes), close-after=N (FIN after N body bytes). HEAD works on every route.

        /bytes?n=N                      N pattern bytes (k, m, g suffixes; up to 64g, streamed)
        /trickle?chunks=K&size=S&interval=MS
                                        K chunks of S bytes, one every MS
        /status?code=C&reason=TEXT&n=N  any status (200-999) and reason phrase; 204/304 have no body
        /redirect?code=C&to=URL&chain=K&loop=1
                                        3xx with Location; chain=K hops; loop=1 redirects to itself
        /encoded?coding=gzip|deflate|br&n=N
                                        N pattern bytes, content-encoded
        /charset?charset=utf-8|utf-16le|shift_jis|windows-1252&declare=header|xml|both|none&format=text|xml&bom=1
                                        a sample text in that encoding
        /headers                        duplicate headers, Set-Cookie, mixed case, empty value
        /echo                           the request (method, target, headers in order, body) as JSON
        /upload-sink?rate=BYTES_PER_S   reads the request body slowly, answers with a JSON summary
        /close-before-headers?mode=fin|rst
                                        closes the connection without a response
        /hang?ms=MS                     sends nothing, closes after MS (at most 120000)

        """
}
