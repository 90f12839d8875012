#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Foundation
import Testing

/// Cases from web-platform-tests `mimesniff/mime-types/resources/mime-types.json` (input, serialization or nil).
@Suite("mime-types.json (parse and serialize a MIME type)")
struct MIMETypeParsingTests {
    @Test(arguments: [
        // Basics
        ("text/html;charset=gbk", "text/html;charset=gbk"),
        ("TEXT/HTML;CHARSET=GBK", "text/html;charset=GBK"),
        // Legacy comment syntax
        ("text/html;charset=gbk(", "text/html;charset=\"gbk(\""),
        ("text/html;x=(;charset=gbk", "text/html;x=\"(\";charset=gbk"),
        // Duplicate parameter
        ("text/html;charset=gbk;charset=windows-1255", "text/html;charset=gbk"),
        // Spaces
        ("text/html;charset =gbk", "text/html"),
        ("text/html ;charset=gbk", "text/html;charset=gbk"),
        ("text/html; charset=gbk", "text/html;charset=gbk"),
        ("text/html;charset= gbk", "text/html;charset=\" gbk\""),
        // Single quotes are a token, not a delimiter
        ("text/html;charset='gbk'", "text/html;charset='gbk'"),
        ("text/html;charset='gbk", "text/html;charset='gbk"),
        ("text/html;charset=gbk'", "text/html;charset=gbk'"),
        // Invalid parameters
        ("text/html;test;charset=gbk", "text/html;charset=gbk"),
        ("text/html;test=;charset=gbk", "text/html;charset=gbk"),
        ("text/html;';charset=gbk", "text/html;charset=gbk"),
        ("text/html;\";charset=gbk", "text/html;charset=gbk"),
        ("text/html ; ; charset=gbk", "text/html;charset=gbk"),
        ("text/html;;;;charset=gbk", "text/html;charset=gbk"),
        // Double quotes
        ("text/html;charset=\"gbk\"", "text/html;charset=gbk"),
        ("text/html;charset=\"gbk", "text/html;charset=gbk"),
        ("text/html;charset=gbk\"", "text/html;charset=\"gbk\\\"\""),
        ("text/html;charset=\" gbk\"", "text/html;charset=\" gbk\""),
        ("text/html;charset=\"\\ gbk\"", "text/html;charset=\" gbk\""),
        ("text/html;charset=\"\\g\\b\\k\"", "text/html;charset=gbk"),
        ("text/html;charset=\"gbk\"x", "text/html;charset=gbk"),
        // Unexpected code points
        ("text/html;charset={gbk}", "text/html;charset=\"{gbk}\""),
        // End-of-file handling
        ("x/x;test", "x/x"),
        ("x/x;test=\"\\", "x/x;test=\"\\\\\""),
        // Latin1 and beyond
        ("text/html;test=\u{FF};charset=gbk", "text/html;test=\"\u{FF}\";charset=gbk"),
        ("x/x;test=\u{FFFD};x=x", "x/x;x=x"),
        // From the mimesniff example: trailing garbage after a quoted string.
        ("text/html;charset=\"shift_jis\"iso-2022-jp", "text/html;charset=shift_jis"),
    ] as [(String, String)])
    func parsesAndSerializes(input: String, output: String) {
        #expect(MIMEType(input)?.serialized == output)
    }

    @Test func longTypeSubtypeAndParameterNamesAreKept() {
        let long = String(repeating: "0123456789", count: 13)
        #expect(MIMEType(long + "/" + long)?.serialized == long + "/" + long)
        #expect(MIMEType("text/html;" + long + "=x;charset=gbk")?.serialized == "text/html;" + long + "=x;charset=gbk")
    }

    @Test func tokenCodePointsAreAllValid() {
        let token = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvxyz"
        // (The JSON file's expected output drops the "w" of the uppercase run; lowercasing keeps it.)
        let lowered = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvxyz"
        #expect(MIMEType("\(token)/\(token);\(token)=\(token)")?.serialized == "\(lowered)/\(lowered);\(lowered)=\(token)")
    }

    @Test(arguments: ["", "\t", "bogus", "bogus/", "bogus/ ", "bogus/bogus/;", "</>", "(/)",
                      "text/html(;doesnot=matter", "{/}", "\u{100}/\u{100}", "/html", "text/", " /x"])
    func rejectsInvalidInput(input: String) {
        #expect(MIMEType(input) == nil)
    }

    @Test func essenceParametersAndCharsetAreExposed() throws {
        let mime = try #require(MIMEType(" Text/HTML ; Charset=\"UTF-8\" ; q=1 \n"))
        #expect(mime.type == "text")
        #expect(mime.subtype == "html")
        #expect(mime.essence == "text/html")
        #expect(mime.parameters == [.init(name: "charset", value: "UTF-8"), .init(name: "q", value: "1")])
        #expect(mime.charset == "UTF-8")
        #expect(mime[parameter: "Q"] == "1")
        #expect(mime.isHTML)
        #expect(!mime.isXML)
    }

    @Test(arguments: [("text/xml", true), ("application/xml", true), ("image/svg+xml", true),
                      ("application/xhtml+xml;charset=x", true), ("text/html", false), ("application/json", false),
                      ("application/xml-dtd", false), ("text/xml+json", false)])
    func xmlMIMETypesAreRecognized(input: String, isXML: Bool) {
        #expect(MIMEType(input)?.isXML == isXML)
    }

    @Test func parsingFromBytesIsIsomorphic() {
        #expect(MIMEType(bytes: Array("text/plain;x=\u{e9}".utf8))?.serialized == "text/plain;x=\"\u{C3}\u{A9}\"")
        #expect(MIMEType(bytes: [0x74, 0x2F, 0x78, 0x3B, 0x61, 0x3D, 0xFF])?.serializedBytes == [0x74, 0x2F, 0x78, 0x3B, 0x61, 0x3D, 0x22, 0xFF, 0x22])
    }

    @Test func setParameterReplacesInPlaceOrAppends() throws {
        var mime = try #require(MIMEType("a/b;charset=x;y=z"))
        mime.setParameter("CHARSET", to: "UTF-8")
        #expect(mime.serialized == "a/b;charset=UTF-8;y=z")
        mime.setParameter("n", to: "")
        #expect(mime.serialized == "a/b;charset=UTF-8;y=z;n=\"\"")
    }

    @Test func memberwiseInitValidatesAndLowercases() {
        #expect(MIMEType(type: "Text", subtype: "Plain", parameters: [.init(name: "A", value: "b")])?.serialized == "text/plain;a=b")
        #expect(MIMEType(type: "te xt", subtype: "plain") == nil)
    }
}

/// The examples in Fetch's "extract a MIME type" (whatwg/fetch, fetch.bs).
@Suite("Fetch: extract a MIME type")
struct ExtractMIMETypeTests {
    @Test(arguments: [
        (["text/plain;charset=gbk, text/html"], "text/html"),
        (["text/html;charset=gbk;a=b, text/html;x=y"], "text/html;x=y;charset=gbk"),
        (["text/html;charset=gbk;a=b", "text/html;x=y"], "text/html;x=y;charset=gbk"),
        (["text/html;charset=gbk", "x/x", "text/html;x=y"], "text/html;x=y"),
        (["text/html", "cannot-parse"], "text/html"),
        (["text/html", "*/*"], "text/html"),
        (["text/html", ""], "text/html"),
        (["text/html;charset=\"a,b\""], "text/html;charset=\"a,b\""),
        (["text/plain;charset=utf-8, text/plain"], "text/plain;charset=utf-8"),
    ] as [([String], String)])
    func extractsFromContentTypeValues(values: [String], expected: String) {
        #expect(MIMEType.extract(contentTypeValues: values)?.serialized == expected)
    }

    @Test func failsWithoutAParsableValue() {
        #expect(MIMEType.extract(contentTypeValues: []) == nil)
        #expect(MIMEType.extract(contentTypeValues: ["bogus", "*/*"]) == nil)
        #expect(MIMEType.extract(from: [("X-Other", "text/html")]) == nil)
    }

    @Test func readsContentTypeHeadersCaseInsensitivelyFromAHeaderList() {
        let headers = [(name: "content-TYPE", value: "text/html;charset=gbk;a=b"), (name: "X", value: "y"),
                       (name: "Content-Type", value: "text/html;x=y")]
        #expect(MIMEType.extract(from: headers)?.serialized == "text/html;x=y;charset=gbk")
    }
}

@Suite("mime-types.json and generated-mime-types.json (all cases)")
struct WPTMIMETypeDataTests {
    private struct Case: Decodable {
        var input: String
        var output: String?
        var encoding: String?
    }

    @Test func everyCaseParsesAndSerializesAsExpected() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(WPTMIMETypeTestData.json.utf8))
        #expect(cases.count > 800)
        for testCase in cases {
            let parsed = MIMEType(testCase.input)
            #expect(parsed?.serialized == testCase.output, "input \(String(reflecting: testCase.input))")
            if let encoding = testCase.encoding {
                #expect(parsed?.charset.flatMap(TextEncoding.init(label:))?.name == encoding,
                        "input \(String(reflecting: testCase.input))")
            }
        }
    }
}
