import CurlTransport
import Foundation
import ScenarioServer
import TapeCore
import Testing

extension CurlTransportLiveTests {
    @Suite struct UploadTests {
        private func sinkReport(_ recorder: TimelineRecorder) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(recorder.body)) as? [String: Any])
        }

        @Test func tenMegabyteUploadStreamsWithProgressThenEnds() async throws {
            let harness = try await CurlHarness()
            let size: Int64 = 10_000_000
            let request = CurlHarness.request("POST", harness.server.url("/upload-sink?rate=40m"))
            let recorder = try harness.exchange(request, bodySource: PatternBodySource(count: size))
            try await harness.shutdown()

            let sent = recorder.requestBodySentCounts
            #expect(sent.count >= 3, "only \(sent.count) upload progress events")
            #expect(sent.reduce(0, +) == Int(size))
            let kinds = recorder.kinds
            let end = try #require(kinds.firstIndex(of: "requestEnd"))
            #expect(end < (kinds.firstIndex(of: "responseHead") ?? kinds.count))
            #expect(kinds.lastIndex(of: "requestBodySent")! < end)
            #expect(try sinkReport(recorder)["bytes"] as? Int == Int(size))
            _ = try recorder.timeline(for: request)
            // Progress is spread over the upload, not reported at once at the end.
            let offsets = recorder.entries.filter { $0.event.kindName == "requestBodySent" }.map(\.offsetMicros)
            #expect(offsets.last! - offsets.first! > 50_000)
        }

        @Test func chunkedUploadOfUnknownLengthIsSentWhole() async throws {
            let harness = try await CurlHarness()
            let size: Int64 = 1_000_000
            let recorder = try harness.exchange(CurlHarness.request("PUT", harness.server.url("/upload-sink?rate=1g")),
                                                bodySource: PatternBodySource(count: size, declaresLength: false))
            try await harness.shutdown()

            #expect(recorder.requestBodySentCounts.reduce(0, +) == Int(size))
            #expect(recorder.kinds.contains("requestEnd"))
            #expect(try sinkReport(recorder)["bytes"] as? Int == Int(size))
        }

        @Test func uploadPausedForASlowSourceResumesWhenTold() async throws {
            let harness = try await CurlHarness()
            let source = FeedableBodySource()
            source.feed(Array("first part, ".utf8))
            let recorder = TimelineRecorder()
            let task = harness.transport.start(CurlHarness.request("POST", harness.server.url("/echo")), bodySource: source, delegate: recorder)

            // The first part goes out; then the source has nothing and the upload pauses.
            let firstSent = harness.waitUntil { recorder.requestBodySentCounts.reduce(0, +) == 12 && source.wouldBlockCount > 0 }
            #expect(firstSent)
            #expect(!recorder.kinds.contains("requestEnd"))
            source.feed(Array("second part".utf8), finish: true)
            task.resumeUpload()
            let finished = harness.scheduler.run(until: { recorder.isFinished }, timeoutMicros: CurlHarness.exchangeTimeoutMicros)
            try await harness.shutdown()

            try #require(finished)
            let echo = try #require(try JSONSerialization.jsonObject(with: Data(recorder.body)) as? [String: Any])
            #expect(echo["body"] as? String == "first part, second part")
            #expect(recorder.requestBodySentCounts.reduce(0, +) == 23)
        }

        @Test func failingBodySourceAbortsTheExchange() async throws {
            struct SourceBroke: Error {}
            final class FailingSource: RequestBodySource {
                var length: Int64? { 100 }
                func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult { throw SourceBroke() }
            }
            let harness = try await CurlHarness()
            let recorder = try harness.exchange(CurlHarness.request("POST", harness.server.url("/echo")), bodySource: FailingSource())
            try await harness.shutdown()

            #expect(recorder.failure?.code == .aborted)
        }

        @Test func fileBodySourceUploadsTheFile() async throws {
            let harness = try await CurlHarness()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-body-\(UUID().uuidString)").path
            try Data(BodyPattern.bytes(from: 0, count: 300_000)).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let recorder = try harness.exchange(CurlHarness.request("POST", harness.server.url("/upload-sink?rate=1g")),
                                                bodySource: try FileBodySource(path: path))
            try await harness.shutdown()

            #expect(try sinkReport(recorder)["bytes"] as? Int == 300_000)
        }

        @Test func missingBodyFileIsATypedError() {
            #expect(throws: CurlTransportError.self) { try FileBodySource(path: "/nonexistent/xhrtape-body") }
            do {
                _ = try FileBodySource(path: "/nonexistent/xhrtape-body")
            } catch {
                #expect(error.code == .unreadableBodyFile)
            }
        }
    }
}
