@testable import ScenarioServer
import Testing

struct ScenarioRouterTests {
    private func response(_ target: String, method: String = "GET") throws -> ScenarioResponse {
        let plan = try ScenarioRouter.plan(method: method, target: target)
        guard case .respond(let response) = plan.action else {
            Issue.record("\(target) did not plan a response")
            throw ScenarioRequestError(code: .badValue, parameter: nil, message: "")
        }
        return response
    }

    private func rejection(_ target: String) -> ScenarioRequestError? {
        do {
            _ = try ScenarioRouter.plan(method: "GET", target: target)
            return nil
        } catch {
            return error
        }
    }

    @Test func bytesAsksForPatternBodiesWithSizeSuffixes() throws {
        #expect(try response("/bytes").body == .pattern(count: 1024))
        #expect(try response("/bytes?n=0").body == .pattern(count: 0))
        #expect(try response("/bytes?n=3k").body == .pattern(count: 3 * 1024))
        #expect(try response("/bytes?n=2g").body == .pattern(count: 2 << 30))
    }

    @Test func trickleSplitsTheBodyIntoEqualPiecesAtTheInterval() throws {
        let trickle = try response("/trickle?chunks=4&size=10&interval=80")
        #expect(trickle.trickleSizes == [10, 10, 10, 10])
        #expect(trickle.pacing == .trickle(pieces: 4, intervalMillis: 80))
        let uneven = try response("/bytes?n=10&chunks=3&interval=5")
        #expect(uneven.trickleSizes == [4, 3, 3])
        #expect(try response("/bytes?n=2&chunks=5").trickleSizes == [1, 1])
    }

    @Test func sharedShapeParametersApplyToBodyRoutes() throws {
        let shaped = try response("/bytes?n=5&framing=chunked&body-delay=30&type=text/html&nosniff=1&reset-after=3&delay=7")
        #expect(shaped.framing == .chunked)
        #expect(shaped.bodyDelayMillis == 30)
        #expect(shaped.interruption == .resetAfter(bytes: 3))
        #expect(shaped.headers.first == HeaderLine("Content-Type", "text/html"))
        #expect(shaped.headers.contains(HeaderLine("X-Content-Type-Options", "nosniff")))
        #expect(try ScenarioRouter.plan(method: "GET", target: "/bytes?delay=7").delayBeforeHeadMillis == 7)
    }

    @Test func headRequestsOmitTheBodyButKeepItsLength() throws {
        let head = try response("/bytes?n=9", method: "HEAD")
        #expect(head.omitBody)
        #expect(head.body.count == 9)
    }

    @Test func statusTakesAnyCodeAndReasonPhrase() throws {
        let custom = try response("/status?code=299&reason=Fine%20Thing")
        #expect(custom.status == 299)
        #expect(custom.reasonPhrase == "Fine Thing")
        #expect(try response("/status?code=404").reasonPhrase == "Not Found")
        #expect(try response("/status?code=200&reason=").reasonPhrase == "")
        #expect(try response("/status?code=204").body.count == 0)
    }

    @Test func redirectChainsCountDownAndLoopsPointAtThemselves() throws {
        let chain = try response("/redirect?code=307&chain=3&to=/bytes%3Fn%3D4")
        #expect(chain.status == 307)
        #expect(chain.headers.contains(HeaderLine("Location", "/redirect?code=307&chain=2&to=/bytes%3Fn%3D4")))
        let last = try response("/redirect?code=301&to=/bytes%3Fn%3D4")
        #expect(last.headers.contains(HeaderLine("Location", "/bytes?n=4")))
        let loop = try response("/redirect?loop=1")
        #expect(loop.headers.contains(HeaderLine("Location", "/redirect?code=302&loop=1")))
    }

    @Test func charsetDeclaresTheEncodingWhereAsked() throws {
        let header = try response("/charset?charset=shift_jis")
        #expect(header.headers.first == HeaderLine("Content-Type", "text/plain; charset=Shift_JIS"))
        #expect(header.body == .bytes(CharsetSample.shiftJIS.encodedText))
        let bare = try response("/charset?charset=utf-16le&declare=none&bom=1")
        #expect(bare.headers.first == HeaderLine("Content-Type", "text/plain"))
        #expect(bare.body == .bytes([0xFF, 0xFE] + CharsetSample.utf16LE.encodedText))
    }

    @Test(arguments: [
        ("/nope", ScenarioRequestError.Code.unknownPath, String?.none),
        ("/bytes?n=abc", .badValue, "n"),
        ("/bytes?n=-1", .badValue, "n"),
        ("/bytes?n=65g", .badValue, "n"),
        ("/bytes?x=1", .unknownParameter, "x"),
        ("/bytes?n=1&n=2", .badValue, "n"),
        ("/bytes?n=%zz", .badValue, "n"),
        ("/trickle?chunks=0", .badValue, "chunks"),
        ("/bytes?framing=gzip", .badValue, "framing"),
        ("/bytes?reset-after=1&close-after=2", .conflictingParameters, "close-after"),
        ("/status?code=99", .badValue, "code"),
        ("/status?reason=a%0Db", .badValue, "reason"),
        ("/redirect?code=200", .badValue, "code"),
        ("/encoded?coding=zstd", .badValue, "coding"),
        ("/charset?charset=latin9", .badValue, "charset"),
        ("/charset?charset=shift_jis&bom=1", .conflictingParameters, "bom"),
        ("/charset?declare=xml", .conflictingParameters, "declare"),
        ("/hang?ms=999999", .badValue, "ms"),
        ("/close-before-headers?mode=maybe", .badValue, "mode"),
    ])
    func badRequestsNameTheWrongPart(target: String, code: ScenarioRequestError.Code, parameter: String?) {
        let error = rejection(target)
        #expect(error?.code == code)
        #expect(error?.parameter == parameter)
    }
}
