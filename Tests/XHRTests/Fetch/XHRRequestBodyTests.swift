#if canImport(XHRFetch)
@testable import XHRFetch
#else
@testable import XHR
#endif
import Testing

@Suite("setrequestheader-content-type.htm (extracted Content-Type per body type)")
struct ExtractBodyContentTypeTests {
    @Test func stringBodyIsUTF8TextPlain() {
        let extracted = XHRRequestBody.string("TEST\u{e9}").extract()
        #expect(extracted.bytes == [0x54, 0x45, 0x53, 0x54, 0xC3, 0xA9])
        #expect(extracted.contentType == "text/plain;charset=UTF-8")
    }

    @Test func bufferSourceHasNoContentType() {
        let extracted = XHRRequestBody.bytes([0, 1, 2]).extract()
        #expect(extracted.bytes == [0, 1, 2])
        #expect(extracted.contentType == nil)
    }

    @Test func blobUsesItsTypeOnlyWhenNonEmpty() {
        #expect(XHRRequestBody.blob(Blob(bytes: [1], type: "Text/X-Test")).extract().contentType == "text/x-test")
        #expect(XHRRequestBody.blob(Blob(bytes: [1])).extract().contentType == nil)
    }

    @Test func urlSearchParamsAreFormURLEncoded() {
        let extracted = XHRRequestBody.urlSearchParams(URLSearchParams(query: "?a=b c&d=é")).extract()
        #expect(String(decoding: extracted.bytes, as: UTF8.self) == "a=b+c&d=%C3%A9")
        #expect(extracted.contentType == "application/x-www-form-urlencoded;charset=UTF-8")
    }

    @Test func formDataIsMultipartWithAChromiumStyleBoundary() throws {
        var form = FormData()
        form.append("a", "b")
        let extracted = XHRRequestBody.formData(form).extract()
        let contentType = try #require(extracted.contentType)
        #expect(contentType.hasPrefix("multipart/form-data; boundary=----WebKitFormBoundary"))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        #expect(boundary.count == "----WebKitFormBoundary".count + 16)
        #expect(String(decoding: extracted.bytes, as: UTF8.self)
                == "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--\(boundary)--\r\n")
    }
}

@Suite("send-blob-with-no-mime-type.html")
struct SendBlobWithNoMIMETypeTests {
    @Test(arguments: ["", "\u{e9}/x", "text/plain\u{7f}", "a\nb"])
    func blobsWithoutOrWithInvalidTypesSendNoContentType(type: String) {
        let blob = Blob(text: "data", type: type)
        #expect(blob.type == "")
        #expect(blob.size == 4)
        #expect(XHRRequestBody.blob(blob).extract().contentType == nil)
    }

    @Test func blobTypesAreLowercasedButNotParsed() {
        #expect(Blob(bytes: [], type: "TEXT/Plain; Charset=UTF-8 ").type == "text/plain; charset=utf-8 ")
    }
}

@Suite("MultipartBoundaryGenerator")
struct MultipartBoundaryGeneratorTests {
    @Test func sameSeedGivesTheSameBoundaries() {
        var first = MultipartBoundaryGenerator(seed: 42)
        var second = MultipartBoundaryGenerator(seed: 42)
        let a = [first.next(), first.next()]
        #expect(a == [second.next(), second.next()])
        #expect(a[0] != a[1])
        var other = MultipartBoundaryGenerator(seed: 43)
        #expect(other.next() != a[0])
    }

    @Test func boundariesUseChromiumsAlphabet() {
        var generator = MultipartBoundaryGenerator()
        for _ in 0..<50 {
            let boundary = generator.next()
            #expect(boundary.hasPrefix("----WebKitFormBoundary"))
            let suffix = boundary.dropFirst(22)
            #expect(suffix.count == 16)
            #expect(suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        }
    }

    @Test func defaultExtractionIsDeterministic() {
        var form = FormData()
        form.append("x", "y")
        #expect(XHRRequestBody.formData(form).extract().contentType == XHRRequestBody.formData(form).extract().contentType)
    }
}

@Suite("send-data-formdata.any.js (multipart/form-data encoding)")
struct MultipartEncodingTests {
    private func encoded(_ form: FormData) -> String {
        String(decoding: XHRRequestBody.multipartEncoded(form, boundary: "B"), as: UTF8.self)
    }

    @Test func emptyFormDataIsJustTheClosingDelimiter() {
        #expect(encoded(FormData()) == "--B--\r\n")
    }

    @Test func filesCarryFilenameAndTypeDefaultingToOctetStream() {
        var form = FormData()
        form.append("file", Blob(text: "hi", type: "text/plain"), filename: "a.txt")
        form.append("blob", Blob(bytes: [0xFF]))
        let body = XHRRequestBody.multipartEncoded(form, boundary: "B")
        let expected = Array("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhi\r\n".utf8)
            + Array("--B\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            + [0xFF] + Array("\r\n--B--\r\n".utf8)
        #expect(body == expected)
    }

    @Test func namesAndStringValuesGetCRLFNewlinesAndNamesAreEscaped() {
        var form = FormData()
        form.append("a\"b\nc\rd", "1\n2\r3\r\n4")
        #expect(encoded(form) == "--B\r\nContent-Disposition: form-data; name=\"a%22b%0D%0Ac%0D%0Ad\"\r\n\r\n1\r\n2\r\n3\r\n4\r\n--B--\r\n")
    }

    @Test func filenamesAreEscapedButNotNewlineNormalized() {
        var form = FormData()
        form.append("f", Blob(bytes: []), filename: "x\"\ny\r")
        #expect(encoded(form).contains("filename=\"x%22%0Ay%0D\""))
    }

    @Test func stringValuesAreUTF8() {
        var form = FormData()
        form.append("é", "テスト")
        #expect(encoded(form) == "--B\r\nContent-Disposition: form-data; name=\"é\"\r\n\r\nテスト\r\n--B--\r\n")
    }
}

@Suite("FormData (xhr/formdata/*.any.js)")
struct FormDataTests {
    @Test func appendGetGetAllHasDelete() {
        var form = FormData()
        form.append("key", "value1")
        form.append("key", "value2")
        form.append("other", Blob(text: "x"), filename: nil)
        #expect(form.get("key") == .string("value1"))
        #expect(form.getAll("key") == [.string("value1"), .string("value2")])
        #expect(form.get("other") == .file(Blob(text: "x"), filename: "blob"))
        #expect(form.get("missing") == nil)
        #expect(form.has("key"))
        form.delete("key")
        #expect(!form.has("key"))
        #expect(form.entries.count == 1)
    }

    @Test func setReplacesTheFirstEntryInPlaceAndRemovesOthers() {
        var form = FormData()
        form.append("a", "1")
        form.append("b", "2")
        form.append("a", "3")
        form.set("a", "4")
        #expect(form.entries == [.init(name: "a", value: .string("4")), .init(name: "b", value: .string("2"))])
        form.set("c", Blob(bytes: [1], type: "X/Y"), filename: "f")
        #expect(form.get("c") == .file(Blob(bytes: [1], type: "x/y"), filename: "f"))
    }
}

@Suite("send-usp.any.js and URLSearchParams")
struct URLSearchParamsTests {
    @Test func everyASCIICodePointIsSerializedPerTheFormURLEncodedSet() {
        for value in UInt8(0)...UInt8(127) {
            let character = String(UnicodeScalar(value))
            let serialized = URLSearchParams([("a", character)]).serialized
            let expected: String
            switch UnicodeScalar(value) {
            case "a"..."z", "A"..."Z", "0"..."9", "*", "-", ".", "_": expected = character
            case " ": expected = "+"
            default: expected = "%" + (value < 16 ? "0" : "") + String(value, radix: 16, uppercase: true)
            }
            #expect(serialized == "a=" + expected)
        }
    }

    @Test func parsingSplitsOnAmpersandsAndFirstEqualsAndDecodesPlusAndPercent() {
        let params = URLSearchParams(query: "?a=1&&b=2=3&c&d=%41%zz%4&e+f=g+h%2B&=x&%FF=")
        #expect(params.pairs == [.init(name: "a", value: "1"), .init(name: "b", value: "2=3"), .init(name: "c", value: ""),
                                 .init(name: "d", value: "A%zz%4"), .init(name: "e f", value: "g h+"), .init(name: "", value: "x"),
                                 .init(name: "\u{FFFD}", value: "")])
    }

    @Test func onlyOneLeadingQuestionMarkIsRemoved() {
        #expect(URLSearchParams(query: "??a=b").pairs == [.init(name: "?a", value: "b")])
    }

    @Test func listOperationsFollowTheURLStandard() {
        var params = URLSearchParams(query: "b=1&a=2&b=3")
        #expect(params.get("b") == "1")
        #expect(params.getAll("b") == ["1", "3"])
        #expect(params.has("a"))
        #expect(params.has("b", value: "3"))
        #expect(!params.has("b", value: "4"))
        params.set("b", "4")
        #expect(params.serialized == "b=4&a=2")
        params.append("c", "5")
        params.append("a", "0")
        params.sort()
        #expect(params.serialized == "a=2&a=0&b=4&c=5")
        params.delete("a", value: "0")
        #expect(params.serialized == "a=2&b=4&c=5")
        params.delete("a")
        #expect(params.description == "b=4&c=5")
    }

    @Test func sortComparesUTF16CodeUnits() {
        // U+FFFD sorts after U+1F600's surrogates (0xD83D) in UTF-16 order, unlike in scalar order.
        var params = URLSearchParams([("\u{FFFD}", "x"), ("\u{1F600}", "y")])
        params.sort()
        #expect(params.pairs.map(\.value) == ["y", "x"])
    }
}

@Suite("send-content-type-charset.htm")
struct SendContentTypeCharsetTests {
    @Test(arguments: [
        ("text; charset=ascii", "text; charset=ascii"),
        ("", ""),
        ("charset=ascii", "charset=ascii"),
        ("charset=bogus", "charset=bogus"),
        ("text/plain;charset=utf-8", "text/plain;charset=utf-8"),
        ("text/x-pink-unicorn", "text/x-pink-unicorn"),
        ("text/plain", "text/plain"),
        ("text/plain;  hi=bye", "text/plain;  hi=bye"),
        ("text/x-thepiano;charset= waddup", "text/x-thepiano;charset=UTF-8"),
        ("text/plain;charset=utf-8;charset=waddup", "text/plain;charset=utf-8;charset=waddup"),
        ("text/plain;charset=shift-jis", "text/plain;charset=UTF-8"),
        ("text/x-pink-unicorn; charset=windows-1252; charset=bogus; notrelated; charset=ascii", "text/x-pink-unicorn;charset=UTF-8"),
        ("text/plain;charset= utf-8", "text/plain;charset=UTF-8"),
        ("text/plain;charset=utf-8 ;x=x", "text/plain;charset=utf-8 ;x=x"),
        ("text/plain;charset=\"utf-8\"", "text/plain;charset=\"utf-8\""),
        ("text/plain;charset=\" utf-8\"", "text/plain;charset=UTF-8"),
        ("text/plain;charset=\"u\\t\\f-8\"", "text/plain;charset=\"u\\t\\f-8\""),
        ("YO/yo;charset=x;yo=YO; X=y", "yo/yo;charset=UTF-8;yo=YO;x=y"),
    ] as [(String, String)])
    func authorCharsetIsRewrittenToUTF8ForStringBodies(input: String, sent: String) {
        let body = XHRRequestBody.string("TEST")
        let extracted = body.extract()
        let replacement = body.contentTypeForSend(authorContentType: input, extractedContentType: extracted.contentType)
        #expect((replacement ?? input) == sent)
    }

    @Test func noAuthorContentTypeGivesTheDefault() {
        let body = XHRRequestBody.string("TEST")
        #expect(body.contentTypeForSend(authorContentType: nil, extractedContentType: body.extract().contentType) == "text/plain;charset=UTF-8")
    }

    @Test func urlSearchParamsAuthorCharsetIsAlsoRewritten() {
        let body = XHRRequestBody.urlSearchParams(URLSearchParams())
        #expect(body.contentTypeForSend(authorContentType: "application/x-www-form-urlencoded;charset=latin1", extractedContentType: nil)
                == "application/x-www-form-urlencoded;charset=UTF-8")
    }

    @Test(arguments: [XHRRequestBody.bytes([1]), .blob(Blob(bytes: [1], type: "a/b")), .formData(FormData())])
    func otherBodiesKeepTheAuthorValueUnchanged(body: XHRRequestBody) {
        #expect(body.contentTypeForSend(authorContentType: "text/plain;charset=latin1", extractedContentType: "a/b") == nil)
        #expect(!body.rewritesAuthorCharset)
    }

    @Test func documentBodiesUseTheStaticRewrite() {
        #expect(XHRRequestBody.charsetRewrittenToUTF8("text/html;charset=windows-1252") == "text/html;charset=UTF-8")
        #expect(XHRRequestBody.charsetRewrittenToUTF8("text/html;charset=UTF-8") == nil)
        #expect(XHRRequestBody.charsetRewrittenToUTF8("text/html") == nil)
    }
}

@Suite("content-type-unmodified.any.js")
struct ContentTypeUnmodifiedTests {
    @Test func utf8CharsetInAnyCaseIsSentByteForByte() {
        #expect(XHRRequestBody.string("x").contentTypeForSend(authorContentType: "application/json; charset=UTF-8", extractedContentType: nil) == nil)
        #expect(XHRRequestBody.string("x").contentTypeForSend(authorContentType: "application/json; charset=uTf-8", extractedContentType: nil) == nil)
    }
}
