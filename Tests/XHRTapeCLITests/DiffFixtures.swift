import Cassette
import Foundation
import HTTPTypes
import TapeCore

/// Cassettes and traces on disk for the `diff` command's tests, in a fresh directory.
struct DiffFixtures {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-diff-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes a cassette with one `GET url` per body, each answered 200 in one chunk at 10 ms.
    func cassette(_ name: String, bodies: [(url: String, body: String)]) throws -> String {
        let path = directory + "/" + name
        let cassette = try Cassette(path: path)
        for (url, body) in bodies {
            let writer = try cassette.beginExchange(ExchangeRequest(head: RequestHead(method: "GET", url: url)))
            try writer.append(.responseHead(ResponseHead(
                status: 200, reasonPhrase: "OK", headerFields: HTTPFields(wirePairs: [("Content-Type", "application/json")])!)),
                atOffsetMicros: 5_000)
            try writer.append(.responseBodyChunk(Array(body.utf8)), atOffsetMicros: 10_000)
            try writer.append(.responseEnd(trailers: nil), atOffsetMicros: 10_000)
        }
        try cassette.close()
        return path
    }

    /// Writes a trace of one XHR whose `loadend` comes at `loadendMicros`.
    func trace(_ name: String, loadendMicros: Int64 = 50_000, status: Int = 200) throws -> String {
        try file(name, """
            {"trace":"xhrtape","version":1,"profile":"spec","source":"replay"}
            {"xhr":0,"request":{"method":"GET","url":"http://h.test/","async":true,"timeout":0,"responseType":"","uploadListeners":false}}
            {"xhr":0,"t":0,"target":"xhr","type":"readystatechange","readyState":1}
            {"xhr":0,"t":20000,"target":"xhr","type":"readystatechange","readyState":2,"status":\(status)}
            {"xhr":0,"t":\(loadendMicros),"target":"xhr","type":"loadend","readyState":4,"loaded":5,"total":5,"lengthComputable":true}
            {"xhr":0,"result":{"status":\(status),"statusText":"OK","responseURL":"http://h.test/","bodyBytes":5,"bodySHA256":"00"}}

            """)
    }

    /// Writes `text` to `name`.
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
