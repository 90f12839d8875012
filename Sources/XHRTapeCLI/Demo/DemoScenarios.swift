import Trace
import XHR

/// The XHRs the demo runs: one of each thing that makes XHR timing interesting.
enum DemoScenarios {
    /// A named plan.
    struct Scenario {
        var name: String
        var plan: XHRPlan
    }

    /// The first session's XHRs against the scenario server at `base` (`http://127.0.0.1:PORT`).
    static func first(base: String) -> [Scenario] {
        [
            get("trickled download", base + "/trickle?chunks=6&size=2000&interval=90"),
            get("timeout mid-body", base + "/trickle?chunks=8&size=500&interval=100", timeout: 350),
            get("abort mid-body", base + "/trickle?chunks=8&size=500&interval=100", abort: .afterMicros(250_000)),
            get("redirect 302", base + "/redirect?code=302&to=%2Fbytes%3Fn%3D4k"),
            get("gzip, trickled", base + "/encoded?coding=gzip&n=40k&chunks=4&interval=70"),
            // 16 KiB, so the echoed JSON (about 38 KB) crosses loopback as one segment: a bigger
            // one reached the recording proxy in two reads but the live client in one, and the
            // first progress event's `loaded` then differed between the live and replayed traces.
            upload("upload 16 KiB", base + "/echo", bytes: 16 * 1024, marker: "1"),
            get("reset mid-body", base + "/trickle?chunks=6&size=1000&interval=60&reset-after=3500"),
        ]
    }

    /// A request before the scenarios, recorded but not traced: it opens the client's
    /// connection to the proxy, as a page's first request would have before its XHRs.
    static func warmUp(base: String) -> XHRPlan {
        XHRPlan(url: base + "/status?code=204")
    }

    /// The second session: the same client against a changed server — a slower
    /// trickle, the redirect now a 301, and the echoed upload carrying a new header.
    static func second(base: String) -> [Scenario] {
        var scenarios = first(base: base)
        scenarios[0] = get("trickled download", base + "/trickle?chunks=6&size=2000&interval=140")
        scenarios[3] = get("redirect 301", base + "/redirect?code=301&to=%2Fbytes%3Fn%3D4k")
        scenarios[5] = upload("upload 16 KiB", base + "/echo", bytes: 16 * 1024, marker: "2")
        return scenarios
    }

    private static func get(_ name: String, _ url: String, timeout: Int64 = 0, abort: TraceAbort? = nil) -> Scenario {
        Scenario(name: name, plan: XHRPlan(settings: TraceRequest(
            method: "GET", url: url, async: true, timeoutMillis: timeout, responseType: "",
            uploadListeners: false, abort: abort)))
    }

    private static func upload(_ name: String, _ url: String, bytes: Int, marker: String) -> Scenario {
        let body = (0..<bytes).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        return Scenario(name: name, plan: XHRPlan(
            settings: TraceRequest(method: "POST", url: url, async: true, timeoutMillis: 0, responseType: "", uploadListeners: true),
            headers: [("Content-Type", "application/octet-stream"), ("X-Demo-Session", marker)],
            body: .bytes(body)))
    }
}
