import ArgumentParser
import Foundation
import Trace
import XHR

/// `xhrtape live`: the XMLHttpRequest over libcurl in real time, writing a live trace.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Run XHRs live (the Swift XMLHttpRequest over libcurl, real time), directly or through a proxy, and write their trace.",
        discussion: """
            Give URLs (one XHR each, in order), or --like TRACE to repeat a trace's XHRs with their \
            settings. Through `--proxy` of an `xhrtape record` proxy, this records a session whose \
            replay (`xhrtape trace --like`) can be diffed against this live trace.
            """
    )

    @Argument(help: "URLs to request, one XHR each.")
    var urls: [String] = []

    @Option(help: "HTTP method for every URL.")
    var method = "GET"

    @Option(help: "Send everything (loopback too) through this HTTP proxy, e.g. http://127.0.0.1:8080.")
    var proxy: String?

    @Option(help: "XHR behaviour to reproduce: \(XHRProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: XHRProfile = .spec

    @Option(help: "xhr.timeout in milliseconds (0: none).")
    var timeout: Int64 = 0

    @Option(help: "xhr.responseType: text, arraybuffer, blob, json (default: empty).")
    var responseType: XMLHttpRequest.ResponseType = .empty

    @Option(help: "Repeat the XHRs of this trace, with their settings.", completion: .file(extensions: ["jsonl"]))
    var like: String?

    @Option(name: .shortAndLong, help: "Write the trace here instead of standard output.", completion: .file())
    var output: String?

    func validate() throws {
        if urls.isEmpty == (like == nil) {
            throw ValidationError("Give either URLs or --like TRACE (not both).")
        }
        guard timeout >= 0 else { throw ValidationError("--timeout must be 0 or more milliseconds, got \(timeout).") }
    }

    func run() async throws {
        let plans: [XHRPlan]
        if let like {
            plans = try TraceDocument(jsonl: InputFile.text(at: like, what: "trace")).requests.map { XHRPlan(settings: $0.request) }
        } else {
            plans = urls.map { url in
                XHRPlan(settings: TraceRequest(
                    method: method, url: url, async: true, timeoutMillis: timeout,
                    responseType: responseType.rawValue, uploadListeners: false))
            }
        }
        let trace = try await LiveTracer(profile: profile, proxyURL: proxy).trace(plans)
        if let output {
            try OutputFile.write(trace.jsonl, to: output)
        } else {
            FileHandle.standardOutput.write(Data(trace.jsonl.utf8))
        }
    }
}
