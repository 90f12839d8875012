import ContentCoding
import Testing

struct HTTPContentCodingTests {
    @Test(arguments: [
        ("gzip", HTTPContentCoding.gzip), ("GZip", .gzip), ("x-gzip", .gzip), ("X-GZIP", .gzip),
        ("deflate", .deflate), ("Deflate", .deflate), ("br", .brotli), ("BR", .brotli), (" br\t", .brotli),
    ])
    func knownTokensParseCaseInsensitively(token: String, coding: HTTPContentCoding) {
        #expect(HTTPContentCoding(token: token) == coding)
    }

    @Test(arguments: ["identity", "IDENTITY", "compress", "x-compress", "zstd", "", " ", "gzip, br", "brotli"])
    func identityAndUnsupportedTokensAreNil(token: String) {
        #expect(HTTPContentCoding(token: token) == nil)
    }

    @Test func rawValuesAreTheContentEncodingTokens() {
        #expect(HTTPContentCoding.allCases.map(\.rawValue) == ["gzip", "deflate", "br"])
    }
}
