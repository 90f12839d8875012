import Cassette
import Foundation
import HTTPTypes
import TapeCore
import Testing

struct CassetteRedactionTests {
    private static func redactor() throws -> Redactor {
        Redactor(rules: [
            .queryParameter("api_key"), try .jsonField("$.password"), try .bodyPattern("ssn=([0-9-]+)"),
            try .jsonField("access_token", in: .responses),
        ])
    }

    private static let secrets = [
        "SECRET-AUTH-1", "SECRET-COOKIE-2", "SECRET-PROXY-3", "SECRET-QUERY-4", "SECRET-SETCOOKIE-5",
        "SECRET-JSON-6", "123-45-6789", "SECRET-TOKEN-7",
    ]

    /// Exchanges carrying every secret above.
    private static func timelines() throws -> [Timeline] {
        let get = ExchangeRequest.sample("GET", "http://api.test/me?api_key=SECRET-QUERY-4&v=2", headers: [
            ("Authorization", "Bearer SECRET-AUTH-1"), ("Cookie", "sid=SECRET-COOKIE-2"), ("Proxy-Authorization", "Basic SECRET-PROXY-3"),
        ])
        let login = ExchangeRequest.sample(
            "POST", "http://api.test/login", headers: [("Content-Type", "application/json")],
            body: Array(#"{"user":"ann","password":"SECRET-JSON-6"}"#.utf8))
        let form = ExchangeRequest.sample("POST", "http://api.test/form", body: Array("name=ann&ssn=123-45-6789".utf8))
        let token = Array(#"{"access_token":"SECRET-TOKEN-7","expires_in":3600}"#.utf8)
        return [
            try .response(to: get, headers: [("Set-Cookie", "sid=SECRET-SETCOOKIE-5; HttpOnly")], body: Array("hello".utf8)),
            try .response(
                to: login, headers: [("Content-Type", "application/json"), ("Content-Length", String(token.count))],
                body: token, chunkSize: 9),
            try .response(to: form, body: Array("ok".utf8)),
        ]
    }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    @Test func secretsNeverReachTheFileOrItsWAL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("secrets.sqlite"), redactor: try Self.redactor(), flushThresholdBytes: 16)
        for timeline in try Self.timelines() {
            try cassette.record(timeline)
        }
        let whileOpen = try directory.allBytes()
        #expect(contains(whileOpen, "REDACTED"))
        for secret in Self.secrets {
            #expect(!contains(whileOpen, secret), "\(secret) reached the cassette or its WAL")
        }
        try cassette.close()
        let afterClose = try directory.allBytes()
        for secret in Self.secrets {
            #expect(!contains(afterClose, secret), "\(secret) reached the closed cassette")
        }
    }

    @Test func redactedResponseBodyKeepsItsChunkTimesAndContentLength() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("token.sqlite"), redactor: try Self.redactor())
        let recorded = try Self.timelines()[1]
        let id = try cassette.record(recorded)
        let stored = try cassette.timeline(of: id)
        let body = String(decoding: stored.responseBody, as: UTF8.self)
        #expect(body == #"{"access_token":"REDACTED","expires_in":3600}"#)
        #expect(stored.responseHead?.headerFields[.contentLength] == String(stored.responseBody.count))
        // Every chunk keeps its arrival time; the shorter body simply ends sooner.
        let recordedOffsets = recorded.entries.filter { if case .responseBodyChunk = $0.event { true } else { false } }.map(\.offsetMicros)
        let storedOffsets = stored.entries.filter { if case .responseBodyChunk = $0.event { true } else { false } }.map(\.offsetMicros)
        #expect(storedOffsets == Array(recordedOffsets.prefix(storedOffsets.count)))
        #expect(stored.entries.last?.offsetMicros == recorded.entries.last?.offsetMicros)
        #expect(try cassette.verify().isValid)
        try cassette.close()
    }

    @Test func compressedResponseARuleAppliesToIsNotRecorded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cassette = try Cassette.create(at: directory.file("gzip.sqlite"), redactor: try Self.redactor())
        let writer = try cassette.beginExchange(.sample("POST", "http://api.test/token"))
        let head = ResponseHead.sample(headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])
        let error = #expect(throws: CassetteError.self) { try writer.append(.responseHead(head), atOffsetMicros: 10) }
        #expect(error?.code == .redactionFailed)
        #expect(writer.isFinished)
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }

    @Test func responseBodyLargerThanTheRedactionLimitIsNotRecorded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var redactor = try Self.redactor()
        redactor.maximumResponseBodyBytes = 1_000
        let cassette = try Cassette.create(at: directory.file("big.sqlite"), redactor: redactor)
        let writer = try cassette.beginExchange(.sample("GET", "http://api.test/big"))
        try writer.append(.responseHead(.sample(headers: [("Content-Type", "application/json")])), atOffsetMicros: 10)
        try writer.append(.responseBodyChunk(Array(repeating: 0x20, count: 600)), atOffsetMicros: 20)
        let error = #expect(throws: CassetteError.self) {
            try writer.append(.responseBodyChunk(Array(repeating: 0x20, count: 600)), atOffsetMicros: 30)
        }
        #expect(error?.code == .redactionFailed)
        #expect(try cassette.exchangeCount() == 0)
        try cassette.close()
    }
}
