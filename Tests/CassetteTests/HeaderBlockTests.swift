@testable import Cassette
import Foundation
import HTTPTypes
import Testing

/// `HeaderBlock`: the stored form of a header list, `Name: value\n` per field, exact both ways.
struct HeaderBlockTests {
    @Test func fieldsRoundTripWithTheirOrderCaseRepeatsAndRawValueBytes() throws {
        var fields = HTTPFields()
        fields.append(HTTPField(name: try #require(HTTPField.Name("X-Custom")), value: "b"))
        fields.append(HTTPField(name: .contentType, value: "text/plain; charset=utf-8"))
        fields.append(HTTPField(name: try #require(HTTPField.Name("set-cookie")), value: "a=1"))
        fields.append(HTTPField(name: try #require(HTTPField.Name("Set-Cookie")), value: "b=2"))
        fields.append(HTTPField(name: try #require(HTTPField.Name("X-Spaces")), lenientValue: Array("  two leading".utf8)))
        fields.append(HTTPField(name: try #require(HTTPField.Name("X-Empty")), value: ""))
        fields.append(HTTPField(name: try #require(HTTPField.Name("X-Colon")), value: "a: b: c"))
        fields.append(HTTPField(name: try #require(HTTPField.Name("X-Latin1")), lenientValue: [0x63, 0x61, 0x66, 0xE9]))

        let encoded = try #require(HeaderBlock.encode(fields))
        #expect(encoded.last == 0x0A)
        #expect(String(decoding: encoded.prefix(13), as: UTF8.self) == "X-Custom: b\nC")
        let decoded = try #require(HeaderBlock.decode(encoded))
        #expect(decoded.map(\.name.rawName) == fields.map(\.name.rawName))
        for (stored, original) in zip(decoded, fields) {
            let storedBytes = stored.withUnsafeBytesOfValue { Array($0) }
            let originalBytes = original.withUnsafeBytesOfValue { Array($0) }
            #expect(storedBytes == originalBytes, "\(original.name)")
        }
    }

    @Test func anEmptyListIsStoredAsNullAndNullOrEmptyReadsAsNoFields() {
        #expect(HeaderBlock.encode(HTTPFields()) == nil)
        #expect(HeaderBlock.decode(nil) == HTTPFields())
        #expect(HeaderBlock.decode(Data()) == HTTPFields())
    }

    @Test(arguments: [
        "Name: value",            // no final line feed
        "Name:value\n",           // no space after the colon
        "Name value\n",           // no colon
        "Bad Name: value\n",      // not a token
        ": value\n",              // no name
        "A: 1\n\nB: 2\n",         // an empty line
        "Name:\n",                // a colon at the very end of the line
    ])
    func aMalformedBlockDecodesToNil(block: String) {
        #expect(HeaderBlock.decode(Data(block.utf8)) == nil)
    }
}
