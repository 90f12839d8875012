import Cassette
import Foundation
import HTTPTypes
import TapeCore
import TapeTesting
import Testing
import Trace
import XHR

struct CassetteReplayTests {
    /// A cassette with one slow exchange: head at 2 s, ten 100-byte chunks 1 s apart.
    static func slowCassette() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tapetesting-\(UUID().uuidString).sqlite").path
        let cassette = try Cassette(path: path)
        let request = ExchangeRequest(head: RequestHead(method: "GET", url: "http://api.test/slow"))
        let writer = try cassette.beginExchange(request)
        try writer.append(.responseHead(ResponseHead(status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Length", "1000")])!)), atOffsetMicros: 2_000_000)
        for index in 0..<10 {
            try writer.append(.responseBodyChunk(Array(repeating: UInt8(ascii: "a"), count: 100)), atOffsetMicros: 3_000_000 + Int64(index) * 1_000_000)
        }
        try writer.append(.responseEnd(trailers: nil), atOffsetMicros: 12_000_000)
        try cassette.close()
        return path
    }

    @Test func aTwelveSecondRecordingTimesOutAtTheSameByteInVirtualTime() throws {
        let path = try Self.slowCassette()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let started = ContinuousClock.now
        let trace = try CassetteReplay.trace(cassette: path) { replay in
            let xhr = replay.makeXHR()
            try xhr.open("GET", "http://api.test/slow")
            xhr.timeout = 5_500
            try xhr.send()
        }
        #expect(ContinuousClock.now - started < .seconds(5), "virtual time, not wall time")
        let events = trace.events(ofXHR: 0)
        #expect(events.last(where: { $0.type == "progress" })?.progress?.loaded == 300)
        #expect(events.suffix(2).map(\.type) == ["timeout", "loadend"])
        #expect(events.first { $0.type == "timeout" }?.offsetMicros == 5_500_000)
    }

    @Test func aRequestTheCassetteLacksThrowsTheMiss() throws {
        let path = try Self.slowCassette()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try CassetteReplay.trace(cassette: path) { replay in
                let xhr = replay.makeXHR()
                try xhr.open("GET", "http://api.test/fast")
                try xhr.send()
            }
        } throws: { error in
            (error as? CassetteError)?.code == .noMatch
        }
        let trace = try CassetteReplay.trace(cassette: path, failOnMiss: false) { replay in
            let xhr = replay.makeXHR()
            try xhr.open("GET", "http://api.test/fast")
            try xhr.send()
        }
        #expect(trace.events(ofXHR: 0).map(\.type).contains("error"))
    }

    @Test func aMissingCassetteIsAClearError() {
        #expect {
            _ = try CassetteReplay.trace(cassette: "/nonexistent/none.sqlite") { _ in }
        } throws: { error in
            (error as? CassetteError)?.code == .notFound
        }
    }
}
