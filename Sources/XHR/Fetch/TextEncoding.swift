/// An encoding from the WHATWG Encoding Standard, with its decoder.
///
/// Every encoding of the standard is supported, each implemented from the standard's own decoder
/// algorithm and index (see ``EncodingIndex``): UTF-8, UTF-16BE, UTF-16LE, the 28 single-byte
/// encodings (IBM866, ISO-8859-2...16 including ISO-8859-8-I, KOI8-R/U, macintosh, windows-874,
/// windows-1250...1258, x-mac-cyrillic), GBK, gb18030, Big5, EUC-JP, ISO-2022-JP, Shift_JIS,
/// EUC-KR, replacement and x-user-defined. Only decoding is provided; XHR never encodes to a
/// legacy encoding.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The encoding's name as the standard spells it, such as "UTF-8", "Shift_JIS" or "windows-1252".
    public let name: String

    private init(name: String) {
        self.name = name
    }

    /// The standard's "get an encoding": the encoding for `label`, or nil (failure).
    ///
    /// Leading and trailing ASCII whitespace is removed and the label is matched ASCII
    /// case-insensitively against the standard's labels table, so "latin1", " ISO-8859-1 " and
    /// "ascii" all give windows-1252, and "utf-16" gives UTF-16LE.
    public init?(label: String) {
        // Step 1: ASCII whitespace is TAB, LF, FF, CR and SPACE.
        let isASCIIWhitespace: (Unicode.Scalar) -> Bool = {
            $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" || $0 == " "
        }
        var scalars = Substring(label).unicodeScalars[...]
        while let first = scalars.first, isASCIIWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, isASCIIWhitespace(last) { scalars.removeLast() }
        // Step 2: ASCII case-insensitive match (only ASCII letters are folded).
        var lowered = String.UnicodeScalarView()
        for scalar in scalars {
            if ("A"..."Z").contains(scalar), let folded = Unicode.Scalar(scalar.value + 0x20) {
                lowered.append(folded)
            } else {
                lowered.append(scalar)
            }
        }
        guard let name = Self.labelTable[String(lowered)] else { return nil }
        self.init(name: name)
    }

    public var description: String { name }

    /// UTF-8.
    public static let utf8 = TextEncoding(name: "UTF-8")
    /// UTF-16LE (also the encoding for the label "utf-16").
    public static let utf16LE = TextEncoding(name: "UTF-16LE")
    /// UTF-16BE.
    public static let utf16BE = TextEncoding(name: "UTF-16BE")
    /// windows-1252 (labels include "latin1", "iso-8859-1", "ascii" and "us-ascii").
    public static let windows1252 = TextEncoding(name: "windows-1252")
    /// Shift_JIS.
    public static let shiftJIS = TextEncoding(name: "Shift_JIS")
    /// The replacement encoding (labels such as "iso-2022-kr"): decodes non-empty input to one U+FFFD.
    public static let replacement = TextEncoding(name: "replacement")

    /// The names of every encoding this type can decode, which is every encoding of the standard.
    public static var supportedNames: [String] {
        Array(Set(labelTable.values)).sorted()
    }

    /// The standard's "BOM sniff": UTF-8, UTF-16BE or UTF-16LE if `bytes` starts with their byte
    /// order mark, else nil.
    public static func sniffBOM(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        return nil
    }

    /// The standard's legacy "decode" hook, with this encoding as the fallback encoding.
    ///
    /// A byte order mark wins over this encoding ("BOM sniff"; the BOM is not part of the output).
    /// Invalid input decodes to U+FFFD per the decoder's rules (error mode "replacement").
    /// - Parameter bytes: The bytes to decode, such as an XHR response body.
    /// - Returns: The decoded text.
    public func decode(_ bytes: [UInt8]) -> String {
        var encoding = self
        var start = 0
        // Step 2: the BOM is more authoritative than anything else.
        if let sniffed = Self.sniffBOM(bytes) {
            encoding = sniffed
            start = sniffed == .utf8 ? 3 : 2
        }
        return encoding.decodeWithoutBOMSniffing(bytes[start...])
    }

    /// Runs this encoding's decoder over `bytes` in replacement mode, without BOM sniffing.
    func decodeWithoutBOMSniffing(_ bytes: ArraySlice<UInt8>) -> String {
        switch name {
        case "UTF-8":
            // Fast path: valid UTF-8 decodes to itself; only invalid input needs the
            // standard's replacement steps (a replayed body's responseText is read on
            // every XHR, so this is on the replay hot path).
            if let valid = String(validating: bytes, as: UTF8.self) { return valid }
            var decoder = UTF8ByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "UTF-16BE", "UTF-16LE":
            var decoder = UTF16ByteDecoder(bigEndian: name == "UTF-16BE")
            return decoder.decodeReplacing(bytes)
        case "GBK", "gb18030":
            var decoder = GB18030ByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "Big5":
            var decoder = Big5ByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "EUC-JP":
            var decoder = EUCJPByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "ISO-2022-JP":
            var decoder = ISO2022JPByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "Shift_JIS":
            var decoder = ShiftJISByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "EUC-KR":
            var decoder = EUCKRByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "replacement":
            var decoder = ReplacementByteDecoder()
            return decoder.decodeReplacing(bytes)
        case "x-user-defined":
            var decoder = XUserDefinedByteDecoder()
            return decoder.decodeReplacing(bytes)
        default:
            guard let index = singleByteIndex else {
                preconditionFailure("TextEncoding \(name) has no decoder; the labels table and decoders disagree")
            }
            var decoder = SingleByteDecoder(index: index)
            return decoder.decodeReplacing(bytes)
        }
    }

    /// The index of a single-byte encoding, or nil for other encodings.
    var singleByteIndex: [UInt32]? {
        let source: String
        switch name {
        case "IBM866": source = EncodingIndex.ibm866
        case "ISO-8859-2": source = EncodingIndex.iso_8859_2
        case "ISO-8859-3": source = EncodingIndex.iso_8859_3
        case "ISO-8859-4": source = EncodingIndex.iso_8859_4
        case "ISO-8859-5": source = EncodingIndex.iso_8859_5
        case "ISO-8859-6": source = EncodingIndex.iso_8859_6
        case "ISO-8859-7": source = EncodingIndex.iso_8859_7
        case "ISO-8859-8", "ISO-8859-8-I": source = EncodingIndex.iso_8859_8
        case "ISO-8859-10": source = EncodingIndex.iso_8859_10
        case "ISO-8859-13": source = EncodingIndex.iso_8859_13
        case "ISO-8859-14": source = EncodingIndex.iso_8859_14
        case "ISO-8859-15": source = EncodingIndex.iso_8859_15
        case "ISO-8859-16": source = EncodingIndex.iso_8859_16
        case "KOI8-R": source = EncodingIndex.koi8_r
        case "KOI8-U": source = EncodingIndex.koi8_u
        case "macintosh": source = EncodingIndex.macintosh
        case "windows-874": source = EncodingIndex.windows_874
        case "windows-1250": source = EncodingIndex.windows_1250
        case "windows-1251": source = EncodingIndex.windows_1251
        case "windows-1252": source = EncodingIndex.windows_1252
        case "windows-1253": source = EncodingIndex.windows_1253
        case "windows-1254": source = EncodingIndex.windows_1254
        case "windows-1255": source = EncodingIndex.windows_1255
        case "windows-1256": source = EncodingIndex.windows_1256
        case "windows-1257": source = EncodingIndex.windows_1257
        case "windows-1258": source = EncodingIndex.windows_1258
        case "x-mac-cyrillic": source = EncodingIndex.x_mac_cyrillic
        default: return nil
        }
        return EncodingIndex.table(source)
    }
}
