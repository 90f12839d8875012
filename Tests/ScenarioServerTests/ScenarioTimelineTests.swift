import CCurl
import ScenarioServer
import TapeCore
import Testing

/// The nominal timelines: what the server's script looks like on an ideal network.
struct ScenarioTimelineTests {
    private func nominal(_ target: String, method: String = "GET", body: [UInt8] = []) throws -> Timeline {
        try ScenarioTimeline.nominal(for: ExchangeRequest(
            head: RequestHead(method: method, url: "http://127.0.0.1:9/" + target.dropFirst()), body: body))
    }

    /// (offset, kind, byte count) of every entry.
    private func shape(_ timeline: Timeline) -> [String] {
        timeline.entries.map { entry in
            switch entry.event {
            case .responseBodyChunk(let bytes): "\(entry.offsetMicros) chunk \(bytes.count)"
            case .responseHead(let head): "\(entry.offsetMicros) head \(head.status)"
            case .requestBodySent(let count): "\(entry.offsetMicros) sent \(count)"
            default: "\(entry.offsetMicros) \(entry.event.kindName)"
            }
        }
    }

    @Test func aTricklePutsEachPieceAtItsNominalOffsetAfterTheDelay() throws {
        let timeline = try nominal("/trickle?chunks=3&size=100&interval=100&delay=50")
        #expect(shape(timeline) == ["0 requestEnd", "50000 head 200", "50000 chunk 100", "150000 chunk 100", "250000 chunk 100", "250000 responseEnd"])
        #expect(timeline.responseBody == BodyPattern.bytes(from: 0, count: 300))
        #expect(timeline.responseHead?.contentLength == 300)
    }

    @Test func aResetComesWhenTheNextPieceWouldHaveBeenSent() throws {
        let timeline = try nominal("/trickle?chunks=5&size=400&interval=100&reset-after=1000")
        #expect(shape(timeline) == ["0 requestEnd", "0 head 200", "0 chunk 400", "100000 chunk 400", "200000 chunk 200", "300000 failure"])
        #expect(timeline.failure?.code == .connectionReset)
    }

    @Test func headAndNoContentResponsesEndWithTheHead() throws {
        #expect(shape(try nominal("/bytes?n=1024", method: "HEAD")) == ["0 requestEnd", "0 head 200", "0 responseEnd"])
        #expect(shape(try nominal("/status?code=204&delay=20")) == ["0 requestEnd", "20000 head 204", "20000 responseEnd"])
    }

    @Test func aBodyDelayMovesTheBodyButNotTheHead() throws {
        #expect(shape(try nominal("/bytes?n=2000&body-delay=300")) == ["0 requestEnd", "0 head 200", "300000 chunk 2000", "300000 responseEnd"])
    }

    @Test func aRedirectIsItsOwnExchangeWithALocation() throws {
        let timeline = try nominal("/redirect?code=307&to=/bytes%3Fn%3D64", method: "POST", body: [1, 2, 3])
        #expect(timeline.entries.first?.event == .requestBodySent(byteCount: 3))
        #expect(timeline.responseHead?.status == 307)
        #expect(timeline.responseHead?.headerFields.wirePairs.first { $0.name == "Location" }?.value == "/bytes?n=64")
    }

    @Test func closingBeforeTheHeadIsAFailureAtTheDelay() throws {
        #expect(shape(try nominal("/close-before-headers?mode=rst&delay=10")) == ["0 requestEnd", "10000 failure"])
    }

    @Test func anUnknownScenarioGetsTheServersBadRequest() throws {
        let timeline = try nominal("/nope")
        #expect(timeline.responseHead?.status == 400)
        #expect(String(decoding: timeline.responseBody, as: UTF8.self).contains("/nope"))
    }

    @Test func theRealServerSendsTheNominalHeadAndBody() async throws {
        try await ScenarioServer.withRunning { server in
            for target in ["/trickle?chunks=3&size=50&interval=20&framing=chunked", "/encoded?coding=gzip&n=3000", "/status?code=404&n=10"] {
                let live = await CurlProbe.fetch(server.url(target))
                let timeline = try nominal(target)
                #expect(live.status == timeline.responseHead?.status)
                #expect(live.body == timeline.responseBody, "\(target)")
                for field in timeline.responseHead?.headerFields.wirePairs ?? [] {
                    #expect(live.values(field.name) == [field.value], "\(target): \(field.name)")
                }
            }
        }
    }
}
