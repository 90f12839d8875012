package import HTTPTypes
package import TapeCore

/// Turns the header lines libcurl hands to `CURLOPT_HEADERFUNCTION` into the final
/// ``TapeCore/ResponseHead`` and the trailer fields, keeping what crossed the wire:
/// the reason phrase, and header names in their original case and order.
///
/// Sans-IO: feed it one line at a time (libcurl always passes whole lines, CRLF
/// included). Interim 1xx heads (`100 Continue`, `103 Early Hints`) are parsed and
/// dropped, as a timeline records only the final response. Lines after the final
/// head are chunked trailer fields.
package struct ResponseHeadParser: Sendable {
    /// What a line completed.
    package enum Output: Sendable, Equatable {
        /// Nothing yet: a status line, a field line or a trailer line.
        case none
        /// An interim head with this status ended; it is not part of the timeline.
        case interimHead(status: Int)
        /// The final head ended.
        case finalHead(ResponseHead)
    }

    private enum Phase: Sendable {
        case statusLine
        case fields(version: HTTPVersion, status: Int, reason: String)
        case trailers
    }

    private var phase = Phase.statusLine
    private var fields = HTTPFields()
    private var trailerFields = HTTPFields()

    /// Creates a parser waiting for a status line.
    package init() {}

    /// True once the final head has been parsed.
    package var isHeadComplete: Bool {
        if case .trailers = phase { return true }
        return false
    }

    /// The trailer fields seen after the final head, or nil when there were none.
    package var trailers: HTTPFields? {
        trailerFields.isEmpty ? nil : trailerFields
    }

    /// Consumes one line, with or without its CRLF.
    ///
    /// - Throws: `TransportFailure` with code `protocolError` for a malformed status or
    ///   field line.
    package mutating func consume(_ rawLine: some Collection<UInt8>) throws(TransportFailure) -> Output {
        var line = Array(rawLine)
        if line.last == 0x0A { line.removeLast() }
        if line.last == 0x0D { line.removeLast() }

        switch phase {
        case .statusLine:
            if line.isEmpty { return .none }  // tolerate a stray blank line before the head
            let (version, status, reason) = try Self.parseStatusLine(line)
            phase = .fields(version: version, status: status, reason: reason)
            fields = HTTPFields()
            return .none
        case .fields(let version, let status, let reason):
            if line.isEmpty {
                if (100...199).contains(status) {
                    phase = .statusLine
                    fields = HTTPFields()
                    return .interimHead(status: status)
                }
                phase = .trailers
                let head = ResponseHead(version: version, status: status, reasonPhrase: reason, headerFields: fields)
                fields = HTTPFields()
                return .finalHead(head)
            }
            try Self.appendField(line, to: &fields, context: "response header")
            return .none
        case .trailers:
            if line.isEmpty { return .none }
            try Self.appendField(line, to: &trailerFields, context: "trailer")
            return .none
        }
    }

    // MARK: Lines

    private static func parseStatusLine(_ line: [UInt8]) throws(TransportFailure) -> (HTTPVersion, Int, String) {
        func malformed() -> TransportFailure {
            TransportFailure(.protocolError, message: """
                The server sent a malformed status line '\(String(decoding: line.prefix(80), as: UTF8.self))'; \
                expected 'HTTP/1.1 200 OK'. The server is not speaking HTTP/1.x or HTTP/2 correctly.
                """)
        }
        guard let firstSpace = line.firstIndex(of: 0x20),
              let version = Self.version(line[..<firstSpace])
        else { throw malformed() }
        let afterVersion = line.index(after: firstSpace)
        let codeEnd = line.index(afterVersion, offsetBy: 3, limitedBy: line.endIndex) ?? line.endIndex
        let digits = line[afterVersion..<codeEnd]
        guard digits.count == 3, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { throw malformed() }
        let status = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard status >= 100 else { throw malformed() }
        var reason = ""
        if codeEnd < line.endIndex {
            guard line[codeEnd] == 0x20 else { throw malformed() }
            reason = String(decoding: line[line.index(after: codeEnd)...], as: UTF8.self)
        }
        return (version, status, reason)
    }

    /// The version of a status line: the common ones compared as bytes, the rest parsed.
    private static func version(_ text: ArraySlice<UInt8>) -> HTTPVersion? {
        if text.elementsEqual("HTTP/1.1".utf8) { return .http1_1 }
        if text.elementsEqual("HTTP/1.0".utf8) { return .http1_0 }
        return HTTPVersion(String(decoding: text, as: UTF8.self))
    }

    private static func appendField(_ line: [UInt8], to list: inout HTTPFields, context: String) throws(TransportFailure) {
        if line.first == 0x20 || line.first == 0x09 {
            // obs-fold (RFC 9112 §5.2): the line continues the previous value; replace
            // the fold with one space.
            guard let last = list.indices.last else {
                throw TransportFailure(.protocolError, message: "The server sent a \(context) continuation line with no field before it; the response is malformed.")
            }
            let continuation = trimmed(line[...])
            if !continuation.isEmpty {
                let previous = list[last]
                list[last] = HTTPField(name: previous.name, lenientValue: previous.withUnsafeBytesOfValue { Array($0) } + [0x20] + continuation)
            }
            return
        }
        guard let colon = line.firstIndex(of: 0x3A),
              let name = HTTPField.Name(String(decoding: line[..<colon], as: UTF8.self))
        else {
            throw TransportFailure(.protocolError, message: """
                The server sent a malformed \(context) line '\(String(decoding: line.prefix(80), as: UTF8.self))'; \
                a field line is 'Name: value' with a token name and no space before the colon.
                """)
        }
        list.append(HTTPField(name: name, lenientValue: trimmed(line[line.index(after: colon)...])))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        return slice
    }
}
