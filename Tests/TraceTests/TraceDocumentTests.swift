import Trace
import Testing

struct TraceDocumentTests {
    @Test func aRecordedTraceReadsBackToTheSameBytes() throws {
        let text = try TraceRecorderTests.replay(timeout: 110)
        let document = try TraceDocument(jsonl: text)
        #expect(document.jsonl == text)
        #expect(document.header == TraceHeader(profile: "spec", source: .replay))
        #expect(document.requests.map(\.xhr) == [0])
        #expect(document.events(ofXHR: 0).last?.type == "loadend")
        #expect(document.result(ofXHR: 0)?.status == 0)
    }

    @Test(arguments: [
        TraceAbort.afterMicros(150_000), .on(.loadstart), .on(.readystate2), .on(.firstprogress),
    ])
    func abortSettingsRoundTrip(abort: TraceAbort) throws {
        let request = TraceRequest(
            method: "GET", url: "http://h.test/", async: true, timeoutMillis: 0, responseType: "json",
            uploadListeners: true, overrideMimeType: "text/plain", abort: abort)
        let document = TraceDocument(header: TraceHeader(profile: "chromium", source: .browser), lines: [.request(xhr: 0, request)])
        let reread = try TraceDocument(jsonl: document.jsonl)
        #expect(reread == document)
        #expect(document.jsonl.contains(#""overrideMimeType":"text/plain","abort":{"#))
    }

    static let header = #"{"trace":"xhrtape","version":1,"profile":"spec","source":"replay"}"#

    @Test(arguments: [
        ("", TraceParseError.Code.empty, nil as Int?),
        ("\n\n", .empty, nil),
        (#"{"xhr":0,"t":0,"target":"xhr","type":"loadstart","readyState":1}"#, .missingHeader, 1),
        (#"{"trace":"xhrtape","version":2,"profile":"spec","source":"replay"}"#, .unsupportedVersion, 1),
        (#"{"trace":"xhrtape","version":1,"profile":"spec","source":"radio"}"#, .invalidLine, 1),
        (header + "\nnot json", .notJSON, 2),
        (header + "\n" + #"{"xhr":0,"t":1.5,"target":"xhr","type":"load","readyState":4}"#, .invalidLine, 2),
        (header + "\n" + #"{"xhr":0,"t":1,"target":"xhr","type":"load","readyState":7}"#, .invalidLine, 2),
        (header + "\n" + #"{"xhr":0,"t":1,"target":"window","type":"load","readyState":4}"#, .invalidLine, 2),
        (header + "\n\n" + #"{"xhr":0,"t":1,"target":"xhr","type":"progress","readyState":3,"loaded":5}"#, .invalidLine, 3),
        (header + "\n" + #"{"xhr":0,"request":{"method":"GET","url":"u","async":true,"timeout":0,"responseType":""}}"#, .invalidLine, 2),
        (header + "\n" + #"{"xhr":0,"request":{"method":"GET","url":"u","async":true,"timeout":0,"responseType":"","uploadListeners":false,"abort":{"on":"load"}}}"#, .invalidLine, 2),
        (header + "\n" + header, .invalidLine, 2),
        (header + "\n" + #"{"xhr":-1,"t":1,"target":"xhr","type":"load","readyState":4}"#, .invalidLine, 2),
    ])
    func malformedTracesNameTheLine(text: String, code: TraceParseError.Code, line: Int?) {
        #expect {
            try TraceDocument(jsonl: text)
        } throws: { error in
            guard let error = error as? TraceParseError else { return false }
            return error.code == code && error.line == line
                && (line.map { error.message.hasPrefix("trace line \($0): ") } ?? true)
        }
    }

    @Test func aMissingKeyIsNamedWithItsPath() {
        let text = Self.header + "\n" + #"{"xhr":0,"result":{"status":200,"statusText":"OK","responseURL":"u","bodyBytes":1}}"#
        #expect(throws: TraceParseError.self) { try TraceDocument(jsonl: text) }
        do {
            _ = try TraceDocument(jsonl: text)
        } catch {
            #expect(error.message == #"trace line 2: "result.bodySHA256" is missing"#)
        }
    }
}
