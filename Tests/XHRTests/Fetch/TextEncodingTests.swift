#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Testing

@Suite("TextEncoding: get an encoding")
struct TextEncodingLabelTests {
    @Test(arguments: [
        ("utf-8", "UTF-8"), ("UTF8", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"),
        (" \t\n\u{0C}\rutf-8 \n", "UTF-8"),
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("ascii", "windows-1252"),
        ("us-ascii", "windows-1252"), ("iso_8859-1:1987", "windows-1252"), ("cp819", "windows-1252"),
        ("x-cp1252", "windows-1252"), ("ansi_x3.4-1968", "windows-1252"),
        ("utf-16", "UTF-16LE"), ("UTF-16LE", "UTF-16LE"), ("unicodefffe", "UTF-16BE"), ("utf-16be", "UTF-16BE"),
        ("shift_jis", "Shift_JIS"), ("sjis", "Shift_JIS"), ("windows-31j", "Shift_JIS"), ("ms932", "Shift_JIS"),
        ("euc-jp", "EUC-JP"), ("iso-2022-jp", "ISO-2022-JP"), ("euc-kr", "EUC-KR"), ("windows-949", "EUC-KR"),
        ("gb2312", "GBK"), ("gbk", "GBK"), ("gb18030", "gb18030"), ("big5-hkscs", "Big5"),
        ("iso-8859-9", "windows-1254"), ("iso-8859-11", "windows-874"), ("tis-620", "windows-874"),
        ("koi8", "KOI8-R"), ("iso-8859-8-i", "ISO-8859-8-I"), ("mac", "macintosh"),
        ("iso-2022-kr", "replacement"), ("hz-gb-2312", "replacement"), ("x-user-defined", "x-user-defined"),
    ])
    func labelsMapToTheStandardsEncodingNames(label: String, name: String) {
        #expect(TextEncoding(label: label)?.name == name)
    }

    @Test(arguments: ["", "bogus", "utf-7", "utf-32", "iso-8859-1x", "\u{0B}utf-8", "utf-8\u{A0}", "ＵＴＦ-8", "x-mac-roman2"])
    func unknownLabelsAndNonASCIIWhitespaceAreFailure(label: String) {
        #expect(TextEncoding(label: label) == nil)
    }

    @Test func kelvinSignIsNotFoldedToK() {
        // ASCII case-insensitive only: U+212A KELVIN SIGN must not match "k".
        #expect(TextEncoding(label: "\u{212A}oi8-r") == nil)
        #expect(TextEncoding(label: "KOI8-R")?.name == "KOI8-R")
    }

    @Test func everyEncodingOfTheStandardIsSupported() {
        #expect(TextEncoding.supportedNames.count == 40)
        for name in TextEncoding.supportedNames {
            // Every name decodes ASCII without crashing (replacement aside).
            let encoding = TextEncoding(label: name)
            #expect(encoding?.name == name)
            if name != "replacement", name != "UTF-16LE", name != "UTF-16BE" {
                #expect(encoding?.decode(Array("abc".utf8)) == "abc")
            }
        }
    }
}

@Suite("TextEncoding: decode")
struct TextEncodingDecodeTests {
    private func scalars(_ string: String) -> [UInt32] { string.unicodeScalars.map(\.value) }

    @Test func utf8DecodesValidInput() {
        #expect(TextEncoding.utf8.decode([0x61, 0xC3, 0xA9, 0xE6, 0xA9, 0x9F, 0xF0, 0x9F, 0x98, 0x80]) == "aé機😀")
    }

    @Test(arguments: [
        // (input, expected scalars): the "Best Practices for Using U+FFFD" behaviour.
        ([0xC2] as [UInt8], [0xFFFD] as [UInt32]),
        ([0xC0, 0x80], [0xFFFD, 0xFFFD]),
        ([0xE0, 0x80, 0x80], [0xFFFD, 0xFFFD, 0xFFFD]),
        ([0xED, 0xA0, 0x80], [0xFFFD, 0xFFFD, 0xFFFD]),
        ([0xF4, 0x90, 0x80, 0x80], [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
        ([0xE6, 0xA9, 0x41], [0xFFFD, 0x41]),
        ([0xF0, 0x9F, 0x98], [0xFFFD]),
        ([0xFF, 0x41], [0xFFFD, 0x41]),
        ([0x80, 0xBF], [0xFFFD, 0xFFFD]),
    ])
    func utf8ErrorsBecomeOneReplacementPerMaximalSubpart(input: [UInt8], expected: [UInt32]) {
        #expect(scalars(TextEncoding.utf8.decode(input)) == expected)
    }

    @Test func byteOrderMarksOverrideTheGivenEncoding() {
        #expect(TextEncoding.windows1252.decode([0xEF, 0xBB, 0xBF, 0xC3, 0xA9]) == "é")
        #expect(TextEncoding.utf8.decode([0xFF, 0xFE, 0x41, 0x00]) == "A")
        #expect(TextEncoding.shiftJIS.decode([0xFE, 0xFF, 0x00, 0x41]) == "A")
        #expect(TextEncoding.sniffBOM([0xEF, 0xBB]) == nil)
        #expect(TextEncoding.sniffBOM([0xFF, 0xFE, 0x00, 0x00]) == .utf16LE)
    }

    @Test func windows1252DecodesItsTableAndUndefinedBytesToC1Controls() {
        #expect(scalars(TextEncoding.windows1252.decode([0x80, 0x81, 0x8D, 0x9F, 0xA0, 0xFF])) == [0x20AC, 0x81, 0x8D, 0x178, 0xA0, 0xFF])
        #expect(TextEncoding(label: "latin1")?.decode([0xE6, 0xA9, 0x9F]) == "\u{E6}\u{A9}\u{178}")
    }

    @Test func singleByteUnmappedBytesAreErrors() {
        // ISO-8859-3 has no mapping for 0xA5.
        #expect(scalars(TextEncoding(label: "iso-8859-3")!.decode([0xA5])) == [0xFFFD])
        // ISO-8859-8-I shares ISO-8859-8's index.
        #expect(TextEncoding(label: "iso-8859-8-i")!.decode([0xE0]) == "\u{05D0}")
    }

    @Test func utf16DecodesPairsAndReportsLoneSurrogatesAndOddBytes() {
        #expect(TextEncoding.utf16LE.decode([0x3D, 0xD8, 0x00, 0xDE]) == "😀")
        #expect(TextEncoding.utf16BE.decode([0xD8, 0x3D, 0xDE, 0x00]) == "😀")
        #expect(scalars(TextEncoding.utf16LE.decode([0x3D, 0xD8, 0x41, 0x00])) == [0xFFFD, 0x41])
        #expect(scalars(TextEncoding.utf16LE.decode([0x00, 0xDC, 0x41])) == [0xFFFD, 0xFFFD])
        #expect(scalars(TextEncoding.utf16BE.decode([0xD8, 0x3D])) == [0xFFFD])
    }

    @Test func shiftJISMatchesTheWHATWGDecoderOnTrickyBytes() {
        // ASCII bytes stay ASCII (platform converters may give U+00A5 / U+203E).
        #expect(scalars(TextEncoding.shiftJIS.decode([0x5C, 0x7E, 0x80])) == [0x5C, 0x7E, 0x80])
        // Half-width katakana.
        #expect(scalars(TextEncoding.shiftJIS.decode([0xA1, 0xA5, 0xDF])) == [0xFF61, 0xFF65, 0xFF9F])
        // Two-byte characters from index jis0208, including NEC/IBM extensions.
        #expect(scalars(TextEncoding.shiftJIS.decode([0x82, 0xA0, 0x88, 0x9F, 0x81, 0x5F, 0x87, 0x40, 0xFA, 0x40, 0xED, 0x40]))
                == [0x3042, 0x4E9C, 0xFF3C, 0x2460, 0x2170, 0x7E8A])
        // EUDC: pointers 8836...10715 map to the Private Use Area.
        #expect(scalars(TextEncoding.shiftJIS.decode([0xF0, 0x40, 0xF9, 0xFC])) == [0xE000, 0xE000 + 10715 - 8836])
        // Errors: 0xA0 and 0xFD-0xFF are not lead bytes; an ASCII trail byte is reprocessed.
        #expect(scalars(TextEncoding.shiftJIS.decode([0xA0, 0xFD, 0x82, 0x41, 0x82])) == [0xFFFD, 0xFFFD, 0xFFFD, 0x41, 0xFFFD])
    }

    @Test func eucJPDecodesJIS0208JIS0212AndKatakana() {
        let euc = TextEncoding(label: "euc-jp")!
        #expect(scalars(euc.decode([0xB0, 0xA1, 0x8F, 0xB0, 0xA1, 0x8E, 0xA1, 0x5C])) == [0x4E9C, 0x4E02, 0xFF61, 0x5C])
        #expect(scalars(euc.decode([0xB0, 0x41])) == [0xFFFD, 0x41])
    }

    @Test func iso2022JPSwitchesStatesOnEscapes() {
        let jis = TextEncoding(label: "iso-2022-jp")!
        // ESC $ B, 0x30 0x21 (亜), ESC ( B, "a".
        #expect(scalars(jis.decode([0x1B, 0x24, 0x42, 0x30, 0x21, 0x1B, 0x28, 0x42, 0x61])) == [0x4E9C, 0x61])
        // ESC ( J: Roman, where 0x5C is YEN SIGN and 0x7E OVERLINE.
        #expect(scalars(jis.decode([0x1B, 0x28, 0x4A, 0x5C, 0x7E])) == [0xA5, 0x203E])
        // ESC ( I: katakana.
        #expect(scalars(jis.decode([0x1B, 0x28, 0x49, 0x21])) == [0xFF61])
        // Two escapes with no output between them: the second one is an error.
        #expect(scalars(jis.decode([0x1B, 0x28, 0x4A, 0x1B, 0x28, 0x42, 0x61])) == [0xFFFD, 0x61])
        // An unknown escape is an error and its bytes are reprocessed as ASCII.
        #expect(scalars(jis.decode([0x1B, 0x28, 0x5A])) == [0xFFFD, 0x28, 0x5A])
        // Shift-in/shift-out and high bytes are errors in ASCII state.
        #expect(scalars(jis.decode([0x0E, 0x80])) == [0xFFFD, 0xFFFD])
    }

    @Test func eucKRDecodesIndexEUCKR() {
        let kr = TextEncoding(label: "euc-kr")!
        #expect(scalars(kr.decode([0xB0, 0xA1, 0x81, 0x41])) == [0xAC00, 0xAC02])
        #expect(scalars(kr.decode([0x81, 0x30])) == [0xFFFD, 0x30])
    }

    @Test func gb18030DecodesTwoAndFourByteSequences() {
        let gb = TextEncoding(label: "gb18030")!
        #expect(scalars(gb.decode([0xB0, 0xA1, 0xA3, 0xA0, 0x80])) == [0x554A, 0x3000, 0x20AC])
        // Four-byte: 0x81 0x30 0x81 0x30 is pointer 0 → U+0080; 0x81 0x35 0xF4 0x37 is U+E7C7.
        #expect(scalars(gb.decode([0x81, 0x30, 0x81, 0x30, 0x81, 0x35, 0xF4, 0x37])) == [0x80, 0xE7C7])
        // 0x90 0x30 0x81 0x30 is pointer 189000 → U+10000.
        #expect(scalars(gb.decode([0x90, 0x30, 0x81, 0x30])) == [0x10000])
        // Pointers in the gap are errors; an invalid fourth byte restores three bytes.
        #expect(scalars(gb.decode([0x84, 0x31, 0xA5, 0x30])) == [0xFFFD])
        #expect(TextEncoding(label: "gbk")?.decode([0xB0, 0xA1]) == "\u{554A}")
    }

    @Test func gb18030InvalidFourthByteRestoresTheLastThreeBytes() {
        let gb = TextEncoding(label: "gb18030")!
        // 0x81 0x30 0x81 then 0x41: error, then 0x30 "0", then 0x81 0x41 decodes as a two-byte pair.
        let pair = EncodingIndex.codePoint((0x81 - 0x81) * 190 + (0x41 - 0x40), in: EncodingIndex.gb18030)!
        #expect(scalars(gb.decode([0x81, 0x30, 0x81, 0x41])) == [0xFFFD, 0x30, pair])
    }

    @Test func big5DecodesIndexBig5AndItsTwoCodePointPointers() {
        let big5 = TextEncoding(label: "big5")!
        #expect(scalars(big5.decode([0xA4, 0x40, 0x87, 0x45, 0xF9, 0xFE])) == [0x4E00, 0x27267, 0xFFED])
        #expect(scalars(big5.decode([0x88, 0x62, 0x88, 0xA5])) == [0xCA, 0x304, 0xEA, 0x30C])
        #expect(scalars(big5.decode([0x80, 0xA4])) == [0xFFFD, 0xFFFD])
    }

    @Test func replacementEncodingDecodesNonEmptyInputToOneReplacementCharacter() {
        #expect(TextEncoding.replacement.decode([]) == "")
        #expect(scalars(TextEncoding.replacement.decode([0x41, 0x42, 0x43])) == [0xFFFD])
    }

    @Test func xUserDefinedMapsHighBytesToThePrivateUseArea() {
        #expect(scalars(TextEncoding(label: "x-user-defined")!.decode([0x41, 0x80, 0xFF])) == [0x41, 0xF780, 0xF7FF])
    }
}

@Suite("TextEncoding: generated index tables")
struct EncodingIndexTableTests {
    /// FNV-1a 64 over each entry's four little-endian bytes, U+FFFF for pointers without an entry.
    private func fnv(_ values: [UInt32]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash ^= UInt64((value >> UInt32(shift)) & 0xFF)
                hash &*= 0x100_0000_01B3
            }
        }
        return hash
    }

    // Expected values computed with Python from whatwg/encoding's index-*.txt (commit a985b62).
    @Test func multiByteIndexesMatchTheStandardsFiles() {
        #expect(EncodingIndex.jis0208.count == 11104)
        #expect(fnv(EncodingIndex.jis0208) == 0xD5B7_1352_89F4_DB20)
        #expect(EncodingIndex.jis0212.count == 7211)
        #expect(fnv(EncodingIndex.jis0212) == 0xD019_629C_E80F_923E)
        #expect(EncodingIndex.eucKR.count == 23750)
        #expect(fnv(EncodingIndex.eucKR) == 0x8C32_6878_BA87_40D6)
        #expect(EncodingIndex.gb18030.count == 23940)
        #expect(fnv(EncodingIndex.gb18030) == 0x1D93_F964_6669_3822)
        #expect(EncodingIndex.big5.count == 19782)
        #expect(fnv(EncodingIndex.big5) == 0x9F93_BDAC_59DD_3E53)
        #expect(EncodingIndex.gb18030RangePointers.count == 207)
    }

    @Test(arguments: [
        ("IBM866", 0x9631_9DCF_1D92_9585 as UInt64), ("ISO-8859-2", 0x15DD_9397_6FE9_98CA),
        ("ISO-8859-3", 0x1A90_5DE1_E151_49C1), ("ISO-8859-4", 0xF0B5_D36A_AB27_B23C),
        ("ISO-8859-5", 0xAC92_A43E_B69C_8F9A), ("ISO-8859-6", 0x0836_37EA_5255_0E22),
        ("ISO-8859-7", 0xD769_AF54_C685_74F6), ("ISO-8859-8", 0xAE9B_867C_4B3F_94F1),
        ("ISO-8859-10", 0x233B_DB42_3408_493B), ("ISO-8859-13", 0x3A4F_3B5B_04C4_2A4A),
        ("ISO-8859-14", 0x75B3_5CF6_0953_A41F), ("ISO-8859-15", 0xEC2D_F6E1_72F1_BED8),
        ("ISO-8859-16", 0x5FAE_ACFF_2300_A1EC), ("KOI8-R", 0x79B9_C995_AC09_0B16),
        ("KOI8-U", 0x3AC9_F380_5AE4_EFB6), ("macintosh", 0x7EBE_CF5C_3A3C_57AD),
        ("windows-874", 0x8D54_E785_FA76_DC45), ("windows-1250", 0x0DAF_7938_1516_0EE8),
        ("windows-1251", 0x729B_349A_C32A_31B7), ("windows-1252", 0x3C48_1CA4_9EEF_FB78),
        ("windows-1253", 0x3251_A493_1EBA_0F03), ("windows-1254", 0x8CF2_CBAA_CFA5_B91E),
        ("windows-1255", 0x35CF_0955_FA57_98DB), ("windows-1256", 0xEA1C_E6FB_D227_0C30),
        ("windows-1257", 0x695B_22E2_1089_9755), ("windows-1258", 0x868C_3EFE_3FDD_4D6A),
        ("x-mac-cyrillic", 0xE4A3_6C3E_C0BA_B6CB),
    ])
    func singleByteIndexesMatchTheStandardsFiles(name: String, expected: UInt64) throws {
        let index = try #require(TextEncoding(label: name)?.singleByteIndex)
        #expect(index.count == 128)
        #expect(fnv(index) == expected)
    }
}

@Suite("responsetext-decoding.htm")
struct ResponseTextDecodingTests {
    /// The bytes of `%e6%a9%9f` (U+6A5F in UTF-8).
    private let encodedContent: [UInt8] = [0xE6, 0xA9, 0x9F]

    @Test func xmlDeclarationDecidesTheEncodingWhenThereIsNoCharset() {
        let body = Array("<?xml version='1.0' encoding='windows-1252'?><x>".utf8) + encodedContent + Array("</x>".utf8)
        let declared = TextEncoding.xmlDeclaredEncoding(body)
        #expect(declared == .windows1252)
        #expect((declared ?? .utf8).decode(body) == "<?xml version='1.0' encoding='windows-1252'?><x>\u{e6}\u{a9}\u{178}</x>")
        // responseType "text" or an HTML type does not sniff: UTF-8.
        #expect(TextEncoding.utf8.decode(body).hasSuffix("<x>\u{6a5f}</x>"))
    }

    @Test func byteOrderMarksWinAndOnlyTheFirstIsConsumed() {
        #expect(TextEncoding.utf8.decode([0xFE, 0xFF]) == "")
        #expect(TextEncoding.utf8.decode([0xFE, 0xFF, 0xFE, 0xFF]) == "\u{FEFF}")
        #expect(TextEncoding.utf8.decode([0xEF, 0xBB, 0xBF]) == "")
        #expect(TextEncoding.utf8.decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) == "\u{FEFF}")
        #expect(TextEncoding.utf8.decode([0xC2]) == "\u{FFFD}")
        #expect(TextEncoding.utf8.decode([0xFF]) == "\u{FFFD}")
        #expect(TextEncoding.windows1252.decode([0xFF]) == "\u{FF}")
        #expect(TextEncoding.utf8.decode([0xE3, 0x81, 0xB2]) == "\u{3072}")
    }
}

@Suite("send-receive-utf16.htm")
struct SendReceiveUTF16Tests {
    private let content: [UInt8] = [0xE6, 0x00, 0xF8, 0x00, 0xE5, 0x00, 0x0A, 0x00, 0xC6, 0x30, 0xB9, 0x30, 0xC8, 0x30, 0x0A, 0x00]

    @Test func utf16WithBOMAndNoCharsetDecodesAsUTF16() {
        #expect(TextEncoding.utf8.decode([0xFF, 0xFE] + content) == "æøå\nテスト\n")
    }

    @Test func utf16LabelWithoutBOMDecodesAsUTF16LE() {
        #expect(TextEncoding(label: "UTF-16")?.decode(content) == "æøå\nテスト\n")
    }

    @Test func utf16BytesMislabelledAsUTF8DecodeToReplacementCharacters() {
        #expect(TextEncoding(label: "UTF-8")?.decode(content)
                == "\u{fffd}\u{0000}\u{fffd}\u{0000}\u{fffd}\u{0000}\u{000a}\u{0000}\u{fffd}\u{0030}\u{fffd}\u{0030}\u{fffd}\u{0030}\u{000a}\u{0000}")
    }
}

@Suite("TextEncoding.xmlDeclaredEncoding")
struct XMLDeclaredEncodingTests {
    private func declared(_ text: String) -> String? {
        TextEncoding.xmlDeclaredEncoding(Array(text.utf8))?.name
    }

    @Test func readsDoubleAndSingleQuotedEncodingWithSpacesAroundEquals() {
        #expect(declared(#"<?xml version="1.0" encoding="Shift_JIS"?><a/>"#) == "Shift_JIS")
        #expect(declared("<?xml version='1.0' encoding = 'iso-8859-2' standalone='yes'?>") == "ISO-8859-2")
        #expect(declared("<?xml\tversion='1.0'\nencoding='latin1'?>") == "windows-1252")
    }

    @Test func returnsNilWithoutADeclarationOrEncodingOrForUnknownLabels() {
        #expect(declared("<a/>") == nil)
        #expect(declared("<?xml version='1.0'?><a encoding='gbk'/>") == nil)
        #expect(declared(" <?xml version='1.0' encoding='gbk'?>") == nil)
        #expect(declared("<?xml-stylesheet encoding='gbk'?>") == nil)
        #expect(declared("<?xml version='1.0' encoding='bogus'?>") == nil)
        #expect(declared("<?xml version='1.0' encoding='gbk'") == nil)
    }

    @Test func utf16DeclarationInASCIIBytesMeansUTF8() {
        #expect(declared("<?xml version='1.0' encoding='UTF-16'?>") == "UTF-8")
    }

    @Test func detectsUTF16WithoutBOMFromTheFirstCharacters() {
        #expect(TextEncoding.xmlDeclaredEncoding([0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]) == .utf16LE)
        #expect(TextEncoding.xmlDeclaredEncoding([0x00, 0x3C, 0x00, 0x3F, 0x00, 0x78]) == .utf16BE)
    }
}
