/// The text bodies of the `/charset` scenario, with their bytes in each encoding
/// worked out ahead of time (Foundation on Linux cannot encode Shift_JIS or
/// windows-1252), so a test can compare a decoder's output with ``text``.
public enum CharsetSample: String, Sendable, CaseIterable {
    /// `utf-8`
    case utf8 = "utf-8"
    /// `utf-16le`
    case utf16LE = "utf-16le"
    /// `shift_jis`
    case shiftJIS = "shift_jis"
    /// `windows-1252`
    case windows1252 = "windows-1252"

    /// The sample text that ``encodedText`` encodes.
    public var text: String {
        switch self {
        case .utf8: "héllo wörld — ✓ 日本語 €"
        case .utf16LE: "héllo wörld — ✓ 日本語 €"
        case .shiftJIS: "日本語のテキスト ｱｲｳ"
        case .windows1252: "café — “quoted” €5 ½"
        }
    }

    /// ``text`` in this encoding, without a byte order mark.
    public var encodedText: [UInt8] {
        switch self {
        case .utf8:
            [
                0x68, 0xC3, 0xA9, 0x6C, 0x6C, 0x6F, 0x20, 0x77, 0xC3, 0xB6, 0x72, 0x6C, 0x64, 0x20, 0xE2, 0x80,
                0x94, 0x20, 0xE2, 0x9C, 0x93, 0x20, 0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC, 0xE8, 0xAA, 0x9E, 0x20,
                0xE2, 0x82, 0xAC
            ]
        case .utf16LE:
            [
                0x68, 0x00, 0xE9, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x6F, 0x00, 0x20, 0x00, 0x77, 0x00, 0xF6, 0x00,
                0x72, 0x00, 0x6C, 0x00, 0x64, 0x00, 0x20, 0x00, 0x14, 0x20, 0x20, 0x00, 0x13, 0x27, 0x20, 0x00,
                0xE5, 0x65, 0x2C, 0x67, 0x9E, 0x8A, 0x20, 0x00, 0xAC, 0x20
            ]
        case .shiftJIS:
            [
                0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67,
                0x20, 0xB1, 0xB2, 0xB3
            ]
        case .windows1252:
            [
                0x63, 0x61, 0x66, 0xE9, 0x20, 0x97, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20,
                0x80, 0x35, 0x20, 0xBD
            ]
        }
    }

    /// The byte order mark of this encoding, if it has one.
    public var byteOrderMark: [UInt8]? {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .shiftJIS: nil
        case .windows1252: nil
        }
    }

    /// ASCII text (markup around the sample) in this encoding.
    func encodeASCII(_ ascii: String) -> [UInt8] {
        precondition(ascii.utf8.allSatisfy { $0 < 0x80 }, "markup must be ASCII")
        switch self {
        case .utf16LE: return ascii.utf8.flatMap { [$0, 0] }
        case .utf8, .shiftJIS, .windows1252: return Array(ascii.utf8)
        }
    }

    /// The label to put in `charset=` and XML declarations.
    var label: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .shiftJIS: "Shift_JIS"
        case .windows1252: "windows-1252"
        }
    }
}
