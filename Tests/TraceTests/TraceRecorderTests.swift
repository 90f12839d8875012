import HTTPTypes
import TapeCore
import TapeTesting
import Trace
import XHR
import Testing

struct TraceRecorderTests {
    static let url = "http://h.test/trickle"

    /// A 5-chunk trickle: head at 20 ms, 100 bytes every 30 ms.
    static func timeline() -> [Timeline.Entry] {
        let body = Array(repeating: UInt8(ascii: "x"), count: 500)
        var entries = [Timeline.Entry(offsetMicros: 20_000, event: .responseHead(ResponseHead(
            status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Length", "500")])!)))]
        for index in 0..<5 {
            entries.append(Timeline.Entry(offsetMicros: 50_000 + Int64(index) * 30_000, event: .responseBodyChunk(Array(body[(index * 100)..<((index + 1) * 100)]))))
        }
        entries.append(Timeline.Entry(offsetMicros: 170_000, event: .responseEnd(trailers: nil)))
        return entries
    }

    /// Replays the timeline into a fresh XHR with a recorder and returns the trace.
    static func replay(timeout: Int64 = 0) throws -> String {
        try recorded(timeout: timeout).jsonLines
    }

    /// Replays the timeline into a fresh XHR with a recorder and returns the trace's lines.
    static func replayLines(timeout: Int64 = 0) throws -> [TraceLine] {
        try recorded(timeout: timeout).lines
    }

    private static func recorded(timeout: Int64) throws -> TraceRecorder {
        let scheduler = VirtualScheduler()
        let transport = ScriptedTransport(scheduler: scheduler, [:], responder: { _ in timeline() })
        let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler)
        let recorder = TraceRecorder(profile: .spec, source: .replay)
        recorder.track(xhr)
        try xhr.open("GET", url)
        xhr.timeout = timeout
        try xhr.send()
        scheduler.runUntilIdle()
        return recorder
    }

    @Test func theTraceHasTheDesignedLinesInOrder() throws {
        let lines = try Self.replay().split(separator: "\n").map(String.init)
        #expect(lines.first == #"{"trace":"xhrtape","version":1,"profile":"spec","source":"replay"}"#)
        #expect(lines[1] == #"{"xhr":0,"request":{"method":"GET","url":"http://h.test/trickle","async":true,"timeout":0,"responseType":"","uploadListeners":false}}"#)
        #expect(lines[2] == #"{"xhr":0,"t":0,"target":"xhr","type":"readystatechange","readyState":1}"#)
        #expect(lines[3] == #"{"xhr":0,"t":0,"target":"xhr","type":"loadstart","readyState":1,"loaded":0,"total":0,"lengthComputable":false}"#)
        #expect(lines[4] == #"{"xhr":0,"t":20000,"target":"xhr","type":"readystatechange","readyState":2,"status":200}"#)
        #expect(lines[6] == #"{"xhr":0,"t":50000,"target":"xhr","type":"progress","readyState":3,"loaded":100,"total":500,"lengthComputable":true}"#)
        // sha256 of 500 × "x"
        #expect(lines.last == #"{"xhr":0,"result":{"status":200,"statusText":"OK","responseURL":"http://h.test/trickle","bodyBytes":500,"bodySHA256":"c38c2bf3055c516a98ac5d97f30e7c364e827bc0199e1c3415b794afbe55dcad"}}"#)
    }

    @Test func theSameTimelineGivesAByteIdenticalTrace100Times() throws {
        let first = try Self.replay(timeout: 110)
        for _ in 0..<99 {
            #expect(try Self.replay(timeout: 110) == first)
        }
        #expect(first.contains(#""type":"timeout""#))
    }
}
