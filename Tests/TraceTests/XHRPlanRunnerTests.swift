import TapeCore
import TapeTesting
import Trace
import XHR
import Testing

struct XHRPlanRunnerTests {
    static let url = TraceRecorderTests.url

    /// Runs one plan over the 5-chunk trickle (head at 20 ms, chunks 50–170 ms).
    static func run(_ settings: TraceRequest, body: XHRRequestBody? = nil) throws -> TraceDocument {
        let scheduler = VirtualScheduler()
        let transport = ScriptedTransport(scheduler: scheduler, [:], responder: { _ in TraceRecorderTests.timeline() })
        return try XHRPlanRunner().run([XHRPlan(settings: settings, body: body)], transport: transport, scheduler: scheduler)
    }

    static func settings(method: String = "GET", async: Bool = true, timeout: Int64 = 0, uploadListeners: Bool = false, abort: TraceAbort? = nil) -> TraceRequest {
        TraceRequest(method: method, url: url, async: async, timeoutMillis: timeout, responseType: "", uploadListeners: uploadListeners, abort: abort)
    }

    static func events(_ document: TraceDocument) -> [String] {
        document.events(ofXHR: 0).map { "\($0.type)@\($0.offsetMicros / 1000)" }
    }

    @Test func abortInsideLoadstartEndsBeforeAnyByte() throws {
        let trace = try Self.run(Self.settings(abort: .on(.loadstart)))
        #expect(Self.events(trace) == ["readystatechange@0", "loadstart@0", "readystatechange@0", "abort@0", "loadend@0"])
        #expect(trace.result(ofXHR: 0)?.status == 0)
    }

    @Test func abortAtReadyState2HappensWhenTheHeadArrives() throws {
        let trace = try Self.run(Self.settings(abort: .on(.readystate2)))
        #expect(Self.events(trace).suffix(3) == ["readystatechange@20", "abort@20", "loadend@20"])
    }

    @Test func abortInTheFirstProgressListenerKeepsOneProgress() throws {
        let trace = try Self.run(Self.settings(abort: .on(.firstprogress)))
        let types = trace.events(ofXHR: 0).map(\.type)
        #expect(types.filter { $0 == "progress" }.count == 1)
        #expect(Self.events(trace).suffix(2) == ["abort@50", "loadend@50"])
    }

    @Test func abortOnATimerLandsAtItsVirtualTime() throws {
        let trace = try Self.run(Self.settings(abort: .afterMicros(100_000)))
        #expect(Self.events(trace).suffix(2) == ["abort@100", "loadend@100"])
    }

    @Test func abortAfterTheRequestEndedFiresNothing() throws {
        let trace = try Self.run(Self.settings(abort: .afterMicros(900_000)))
        #expect(Self.events(trace).suffix(2) == ["load@170", "loadend@170"])
        #expect(!trace.events(ofXHR: 0).contains { $0.type == "abort" })
    }

    @Test func theTimeoutComesFromTheSettings() throws {
        let trace = try Self.run(Self.settings(timeout: 110))
        #expect(Self.events(trace).suffix(2) == ["timeout@110", "loadend@110"])
        #expect(trace.requests.first?.request.timeoutMillis == 110)
    }

    @Test func uploadListenersMakeUploadEventsFire() throws {
        let withListeners = try Self.run(Self.settings(method: "POST", uploadListeners: true), body: .string("hello"))
        let without = try Self.run(Self.settings(method: "POST"), body: .string("hello"))
        #expect(withListeners.lines.contains { if case .event(let event) = $0 { event.target == .upload } else { false } })
        #expect(!without.lines.contains { if case .event(let event) = $0 { event.target == .upload } else { false } })
        #expect(withListeners.requests.first?.request.uploadListeners == true)
    }

    @Test func aSynchronousRequestRunsToTheEndInsideSend() throws {
        let trace = try Self.run(Self.settings(async: false))
        #expect(trace.events(ofXHR: 0).map(\.type) == ["readystatechange", "readystatechange", "load", "loadend"])
        #expect(trace.result(ofXHR: 0)?.bodyBytes == 500)
    }

    @Test func plansRunInOrderAndTheTraceIsDeterministic() throws {
        func twice() throws -> String {
            let scheduler = VirtualScheduler()
            let transport = ScriptedTransport(scheduler: scheduler, [:], responder: { _ in TraceRecorderTests.timeline() })
            let plans = [XHRPlan(url: Self.url), XHRPlan(settings: Self.settings(timeout: 60)), XHRPlan(settings: Self.settings(abort: .on(.firstprogress)))]
            return try XHRPlanRunner(profile: .spec, source: .replay).run(plans, transport: transport, scheduler: scheduler).jsonl
        }
        let first = try twice()
        #expect(try twice() == first)
        let document = try TraceDocument(jsonl: first)
        #expect(document.requests.map(\.xhr) == [0, 1, 2])
        #expect(document.events(ofXHR: 1).map(\.type).contains("timeout"))
    }

    @Test func aRefusedPlanThrowsWithItsIndex() throws {
        let scheduler = VirtualScheduler()
        let transport = ScriptedTransport(scheduler: scheduler, [:])
        let plans = [XHRPlan(url: Self.url), XHRPlan(method: "GE T", url: Self.url)]
        #expect {
            try XHRPlanRunner().run(plans, transport: transport, scheduler: scheduler)
        } throws: { error in
            (error as? XHRPlanError)?.index == 1
        }
    }
}
