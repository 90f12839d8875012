import COpenSSL
import Foundation
import ScenarioServer
import TapeCore
import Trace
import XHR
import Testing

/// Every golden trace a real Chromium recorded (`recordings/chromium/`, made by
/// `scripts/chromium-traces`) replayed in the Swift XHR under the `chromium` profile,
/// on the scenario server's nominal timeline and a virtual clock, and diffed: event
/// type, target, readyState, status, loaded, total and lengthComputable exactly, `t`
/// within DESIGN.md's tolerance (5 ms or 10 %, whichever is larger). No Chromium and
/// no sockets needed.
struct ChromiumGoldenTraceTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("recordings/chromium")

    /// What `scripts/chromium-traces` writes beside the traces: what a trace's request
    /// line cannot say.
    struct Manifest: Decodable {
        struct Scenario: Decodable {
            var name: String
            var requestBodyBytes: Int
            /// `none`, `before` (registered at send()) or `after` (added right after send() returned).
            var uploadListenersAdded: String
        }
        var chromium: String
        var scenarios: [Scenario]
    }

    static let manifest: Manifest? = try? JSONDecoder().decode(
        Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("scenarios.json")))

    static let scenarioNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".jsonl") }
        .map { String($0.dropLast(".jsonl".count)) }
        .sorted()

    /// Golden scenarios the replay does not reproduce, and why (the table in
    /// recordings/chromium/README.md).
    /// Every one is a timing difference only (the events, states and numbers match):
    /// time the wire takes, which the nominal timeline leaves out.
    static let knownMismatches: [String: String] = [
        "bytes-200k": "reading 200 KiB takes Chromium about 10 ms; the nominal timeline has the whole body at 0 ms",
        "post-100k-upload-listeners": "sending the 100 KiB body takes about 6 ms; the nominal timeline sends it in no time",
        "post-100k-listeners-after-send": "sending the 100 KiB body takes about 6 ms; the nominal timeline sends it in no time",
        "post-100k-no-upload-listeners": "sending the 100 KiB body takes about 6 ms; the nominal timeline sends it in no time",
        "redirect-301-get": "the redirect is a second loopback round trip (5.5 ms in all); the nominal timeline has none",
        "redirect-302-get": "the redirect is a second loopback round trip (5.1 ms in all); the nominal timeline has none",
        "redirect-303-get": "the redirect is a second loopback round trip (5.1 ms in all); the nominal timeline has none",
        "redirect-307-get": "the redirect is a second loopback round trip (5.5 ms in all); the nominal timeline has none",
        "redirect-308-get": "the redirect is a second loopback round trip (5.3 ms in all); the nominal timeline has none",
        "redirect-302-chain3-trickle": "three redirects are three more round trips (8.6 ms); the nominal timeline has none",
    ]

    @Test func thereAreAtLeastFortyGoldenScenariosWithAManifest() throws {
        #expect(Self.scenarioNames.count >= 40)
        let manifest = try #require(Self.manifest)
        #expect(Set(manifest.scenarios.map(\.name)) == Set(Self.scenarioNames))
    }

    @Test(arguments: scenarioNames)
    func replayUnderTheChromiumProfileMatchesTheGoldenTrace(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name + ".jsonl"), encoding: .utf8)
        let golden = try GoldenTrace(name: name, jsonl: text)
        let scenario = try #require(Self.manifest?.scenarios.first { $0.name == name }, "\(name) is not in scenarios.json")
        let replay = try ChromiumReplay(golden: golden, requestBodyBytes: scenario.requestBodyBytes,
                                        uploadListenersAfterSend: scenario.uploadListenersAdded == "after")
        var differences = Self.differences(expected: golden.events, actual: replay.events)
        differences += Self.resultDifferences(golden: golden, replay: replay)
        if let reason = Self.knownMismatches[name] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
            }
        } else {
            #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
        }
    }

    /// DESIGN.md: `t` matches within 5 ms or 10 % of the golden value, whichever is larger.
    static func toleranceMicros(_ golden: Int64) -> Int64 { max(5_000, golden / 10) }

    static func differences(expected: [GoldenTrace.Event], actual: [GoldenTrace.Event]) -> [String] {
        var out: [String] = []
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : nil
            let got = index < actual.count ? actual[index] : nil
            guard let want, let got else {
                out.append("event \(index): Chromium \(want.map(String.init(describing:)) ?? "none"), replay \(got.map(String.init(describing:)) ?? "none")")
                continue
            }
            var wantExact = want, gotExact = got
            wantExact.t = 0
            gotExact.t = 0
            if wantExact != gotExact || abs(want.t - got.t) > toleranceMicros(want.t) {
                out.append("event \(index): Chromium \(want), replay \(got)")
            }
        }
        return out
    }

    /// The result line: status, statusText and responseURL always; the body as the page
    /// got it (UTF-8 of responseText, or the bytes for arraybuffer and blob) except for
    /// json, where the page hashed JSON.stringify(response).
    static func resultDifferences(golden: GoldenTrace, replay: ChromiumReplay) -> [String] {
        guard let want = golden.result else {
            return replay.result == nil ? [] : ["Chromium has no result line, the replay has one"]
        }
        guard let got = replay.result else { return ["the replay has no result line"] }
        var out: [String] = []
        if want["status"] as? Int != got.status { out.append("result status: Chromium \(want["status"] ?? "-"), replay \(got.status)") }
        if want["statusText"] as? String != got.statusText { out.append("result statusText: Chromium \(want["statusText"] ?? "-"), replay \(got.statusText)") }
        if want["responseURL"] as? String != got.responseURL { out.append("result responseURL: Chromium \(want["responseURL"] ?? "-"), replay \(got.responseURL)") }
        if golden.responseType != "json" {
            if want["bodyBytes"] as? Int != got.body.count { out.append("result bodyBytes: Chromium \(want["bodyBytes"] ?? "-"), replay \(got.body.count)") }
            if want["bodySHA256"] as? String != sha256Hex(got.body) { out.append("result bodySHA256 differs") }
        }
        return out
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            _ = digest.withUnsafeMutableBufferPointer { SHA256(input.baseAddress, input.count, $0.baseAddress) }
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}

/// One golden trace's request replayed in the Swift XHR with the page's settings.
struct ChromiumReplay {
    struct Result {
        var status: Int
        var statusText: String
        var responseURL: String
        var body: [UInt8]
    }

    var events: [GoldenTrace.Event] = []
    var result: Result?

    init(golden: GoldenTrace, requestBodyBytes: Int, uploadListenersAfterSend: Bool) throws {
        let scheduler = VirtualScheduler()
        let transport = ScenarioTransport(scheduler: scheduler)
        let xhr = XMLHttpRequest(transport: transport, scheduler: scheduler, profile: .chromium)
        let recorder = TraceRecorder(profile: .chromium, source: .replay)
        recorder.track(xhr)
        var aborted = false
        var sawProgress = false
        var captured: Result?
        let abortOnce = {
            guard !aborted else { return }
            aborted = true
            xhr.abort()
        }
        _ = xhr.addEventListener("readystatechange") { _ in
            if golden.abort?.on == "readystate2", xhr.readyState == .headersReceived { abortOnce() }
        }
        _ = xhr.addEventListener("loadstart") { _ in
            if golden.abort?.on == "loadstart" { abortOnce() }
        }
        _ = xhr.addEventListener("progress") { _ in
            guard !sawProgress else { return }
            sawProgress = true
            if golden.abort?.on == "firstprogress" { abortOnce() }
        }
        _ = xhr.addEventListener("loadend") { _ in
            guard captured == nil else { return }
            let body: [UInt8]
            switch xhr.responseType {
            case .empty, .text: body = Array(((try? xhr.responseText) ?? "").utf8)
            default: body = xhr.responseBytes
            }
            captured = Result(status: xhr.status, statusText: xhr.statusText, responseURL: xhr.responseURL, body: body)
        }
        let addUploadListeners = {
            for type in ProgressEventType.allCases { _ = xhr.upload.addEventListener(type.rawValue) { _ in } }
        }

        try xhr.open(golden.method, golden.url, async: golden.async)
        if golden.async { xhr.timeout = golden.timeoutMillis }
        if let type = XMLHttpRequest.ResponseType(rawValue: golden.responseType) { try xhr.setResponseType(type) }
        if let mime = golden.overrideMimeType { try xhr.overrideMimeType(mime) }
        if golden.uploadListeners { addUploadListeners() }
        let body = requestBodyBytes > 0 ? String(repeating: "x", count: requestBodyBytes) : nil
        do {
            if let body { try xhr.send(body) } else { try xhr.send() }
        } catch {
            // A synchronous request's network error is thrown; the trace shows what fired before.
        }
        if uploadListenersAfterSend { addUploadListeners() }
        if let after = golden.abort?.afterMicros {
            _ = scheduler.schedule(atMicros: scheduler.nowMicros + after) { abortOnce() }
        }
        scheduler.runUntilIdle()

        for line in recorder.lines {
            guard case .event(let event) = line else { continue }
            events.append(GoldenTrace.Event(
                t: event.offsetMicros, target: event.target.rawValue, type: event.type, readyState: event.readyState.rawValue,
                status: event.status, loaded: event.progress?.loaded, total: event.progress?.total,
                lengthComputable: event.progress?.lengthComputable))
        }
        result = captured
    }
}
