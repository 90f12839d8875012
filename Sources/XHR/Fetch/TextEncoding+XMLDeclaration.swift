extension TextEncoding {
    /// The encoding an XML document declares for itself, for XHR's "get a text response" step 3
    /// ("use the rules set forth in the XML specifications to determine the encoding").
    ///
    /// Our reading of XML 1.0 §4.3.3 and Appendix F, as browsers apply it to `responseText`:
    /// - A byte order mark is not handled here: ``decode(_:)`` already lets it win.
    /// - `3C 00 3F 00` (`<?` in UTF-16LE without BOM) gives UTF-16LE and `00 3C 00 3F` gives
    ///   UTF-16BE (Appendix F's table).
    /// - Otherwise the bytes must start exactly with `<?xml` followed by XML whitespace (an XML
    ///   declaration may not be preceded by anything). Within the declaration, which ends at the
    ///   first `?>` and is searched in the first 1024 bytes, the `encoding` pseudo-attribute is
    ///   `S 'encoding' S? '=' S? ('"' EncName '"' | "'" EncName "'")`. Its value goes through
    ///   "get an encoding"; an unknown label gives nil.
    /// - A declared UTF-16BE/LE is replaced by UTF-8, because a declaration readable as ASCII
    ///   means the bytes are not UTF-16 (the same rule as HTML's prescan), and x-user-defined
    ///   by windows-1252.
    ///
    /// - Parameter bytes: The response body (only the first 1024 bytes are examined).
    /// - Returns: The declared encoding, or nil when there is none or it is unknown. The caller
    ///   then uses UTF-8.
    public static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return .utf16LE }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return .utf16BE }
        let head = Array(bytes.prefix(1024))
        let opening: [UInt8] = Array("<?xml".utf8)
        guard head.starts(with: opening), head.count > opening.count,
              isXMLWhitespace(head[opening.count]) else { return nil }
        var end = opening.count
        while end + 1 < head.count, !(head[end] == UInt8(ascii: "?") && head[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        guard end + 1 < head.count else { return nil }  // no "?>" within the first 1024 bytes
        let declaration = head[opening.count..<end]
        let keyword = Array("encoding".utf8)
        var position = declaration.startIndex
        while position < declaration.endIndex {
            // The keyword must follow whitespace, so "xencoding" or a value containing it does not match.
            guard isXMLWhitespace(declaration[position]),
                  declaration[(position + 1)...].starts(with: keyword) else {
                position += 1
                continue
            }
            var cursor = position + 1 + keyword.count
            while cursor < declaration.endIndex, isXMLWhitespace(declaration[cursor]) { cursor += 1 }
            guard cursor < declaration.endIndex, declaration[cursor] == UInt8(ascii: "=") else { return nil }
            cursor += 1
            while cursor < declaration.endIndex, isXMLWhitespace(declaration[cursor]) { cursor += 1 }
            guard cursor < declaration.endIndex,
                  declaration[cursor] == UInt8(ascii: "\"") || declaration[cursor] == UInt8(ascii: "'") else { return nil }
            let quote = declaration[cursor]
            let valueStart = cursor + 1
            guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
            let label = String(decoding: declaration[valueStart..<valueEnd], as: Unicode.ASCII.self)
            guard let encoding = TextEncoding(label: label) else { return nil }
            switch encoding.name {
            case "UTF-16BE", "UTF-16LE": return .utf8
            case "x-user-defined": return .windows1252
            default: return encoding
            }
        }
        return nil
    }

    /// XML's `S` production: SPACE, TAB, CR, LF.
    private static func isXMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
