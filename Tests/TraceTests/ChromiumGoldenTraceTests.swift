import Foundation
import ScenarioServer
import TapeCore
import Trace
import XHR
import Testing

/// Every golden trace a real Chromium recorded (`recordings/chromium/`, made by
/// `scripts/chromium-traces`) replayed in the Swift XHR under the `chromium` profile,
/// on the scenario server's nominal timeline and a virtual clock, and diffed with
/// ``TraceDiff``: request and result lines field by field; event type, target,
/// readyState, status, loaded, total and lengthComputable exactly, `t` within DESIGN.md's
/// tolerance (5 ms or 10 %, whichever is larger). No Chromium and no sockets needed.
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
    /// recordings/chromium/README.md). Every one is a timing difference only (the
    /// events, states and numbers match): time the wire takes, which the nominal
    /// timeline leaves out.
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
        let golden = try TraceDocument(jsonl: String(contentsOf: Self.directory.appendingPathComponent(name + ".jsonl"), encoding: .utf8))
        #expect(golden.header.profile == "chromium" && golden.header.source == .browser)
        let request = try #require(golden.requests.first?.request, "\(name) has no request line")
        let scenario = try #require(Self.manifest?.scenarios.first { $0.name == name }, "\(name) is not in scenarios.json")

        let scheduler = VirtualScheduler()
        let body = scenario.requestBodyBytes > 0 ? XHRRequestBody.string(String(repeating: "x", count: scenario.requestBodyBytes)) : nil
        let replay = try XHRPlanRunner(profile: .chromium, source: .replay).run(
            [XHRPlan(settings: request, body: body)], transport: ScenarioTransport(scheduler: scheduler), scheduler: scheduler)

        let diff = TraceDiff(expected: [.header(golden.header)] + golden.lines, actual: [.header(replay.header)] + replay.lines)
        let differences = diff.differences
        if let reason = Self.knownMismatches[name] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
            }
        } else {
            #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
        }
    }
}
