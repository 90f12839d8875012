import Foundation
import XHR

/// Decodes one JSON line of a trace into a ``TraceLine`` (DESIGN.md "Trace format").
enum TraceLineDecoder {
    /// The union of every line kind's keys; which ones are present says the kind.
    private struct RawLine: Decodable {
        var trace: String?
        var version: Int?
        var profile: String?
        var source: String?
        var xhr: Int?
        var request: RawRequest?
        var result: RawResult?
        var t: Int64?
        var target: String?
        var type: String?
        var readyState: Int?
        var status: Int?
        var loaded: Int64?
        var total: Int64?
        var lengthComputable: Bool?
    }

    private struct RawRequest: Decodable {
        var method: String
        var url: String
        var async: Bool
        var timeout: Int64
        var responseType: String
        var uploadListeners: Bool
        var overrideMimeType: String?
        var abort: RawAbort?
    }

    private struct RawAbort: Decodable {
        var afterMicros: Int64?
        var on: String?
    }

    private struct RawResult: Decodable {
        var status: Int
        var statusText: String
        var responseURL: String
        var bodyBytes: Int
        var bodySHA256: String
    }

    static func decode(_ text: String, lineNumber: Int) throws(TraceParseError) -> TraceLine {
        let raw: RawLine
        do {
            raw = try JSONDecoder().decode(RawLine.self, from: Data(text.utf8))
        } catch let DecodingError.typeMismatch(type, context) {
            throw TraceParseError(.invalidLine, line: lineNumber, "\(path(context)) must be \(describe(type)) (\(context.debugDescription))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw TraceParseError(.invalidLine, line: lineNumber, "\(path(context, adding: key.stringValue)) is missing")
        } catch let DecodingError.dataCorrupted(context) where isJSONObject(text) {
            // A number that is not an integer (times are integer microseconds).
            throw TraceParseError(.invalidLine, line: lineNumber, "\(path(context)): \(context.debugDescription); numbers in a trace are integers")
        } catch let DecodingError.valueNotFound(type, context) {
            throw TraceParseError(.invalidLine, line: lineNumber, "\(path(context)) is null; expected \(describe(type))")
        } catch {
            throw TraceParseError(.notJSON, line: lineNumber, "not a JSON object (\(String(text.prefix(60)))…)")
        }
        let invalid = { (message: String) in TraceParseError(.invalidLine, line: lineNumber, message) }

        if let trace = raw.trace {
            guard trace == "xhrtape" else { throw invalid(#""trace" is "\#(trace)", expected "xhrtape""#) }
            guard let version = raw.version else { throw invalid(#"the header has no "version""#) }
            guard version == 1 else {
                throw TraceParseError(.unsupportedVersion, line: lineNumber, "trace format version \(version) is not supported (this build reads version 1); upgrade xhrtape")
            }
            guard let profile = raw.profile else { throw invalid(#"the header has no "profile""#) }
            guard let sourceName = raw.source, let source = TraceHeader.Source(rawValue: sourceName) else {
                throw invalid(#""source" must be one of \#(TraceHeader.Source.allCases.map(\.rawValue).joined(separator: ", "))"#)
            }
            return .header(TraceHeader(version: version, profile: profile, source: source))
        }
        guard let xhr = raw.xhr, xhr >= 0 else {
            throw invalid(#"every line after the header needs "xhr", a non-negative integer"#)
        }
        if let request = raw.request {
            return .request(xhr: xhr, TraceRequest(
                method: request.method, url: request.url, async: request.async,
                timeoutMillis: request.timeout, responseType: request.responseType,
                uploadListeners: request.uploadListeners, overrideMimeType: request.overrideMimeType,
                abort: try abort(request.abort, invalid)))
        }
        if let result = raw.result {
            return .result(xhr: xhr, TraceResult(
                status: result.status, statusText: result.statusText, responseURL: result.responseURL,
                bodyBytes: result.bodyBytes, bodySHA256: result.bodySHA256))
        }
        guard let t = raw.t else {
            throw invalid(#"a line with "xhr" must have "request", "result" or "t" (an event)"#)
        }
        guard let targetName = raw.target, let target = XHREventTargetKind(rawValue: targetName) else {
            throw invalid(#"an event's "target" must be "xhr" or "upload""#)
        }
        guard let type = raw.type, !type.isEmpty else { throw invalid(#"an event needs a "type""#) }
        guard let stateValue = raw.readyState, let readyState = ReadyState(rawValue: stateValue) else {
            throw invalid(#"an event's "readyState" must be 0 to 4"#)
        }
        var progress: TraceEvent.Progress?
        switch (raw.loaded, raw.total, raw.lengthComputable) {
        case (nil, nil, nil):
            progress = nil
        case (let loaded?, let total?, let computable?):
            progress = TraceEvent.Progress(loaded: loaded, total: total, lengthComputable: computable)
        default:
            throw invalid(#"a progress event needs all of "loaded", "total" and "lengthComputable""#)
        }
        return .event(TraceEvent(
            xhr: xhr, offsetMicros: t, target: target, type: type, readyState: readyState,
            status: raw.status, progress: progress))
    }

    private static func abort(_ raw: RawAbort?, _ invalid: (String) -> TraceParseError) throws(TraceParseError) -> TraceAbort? {
        guard let raw else { return nil }
        switch (raw.afterMicros, raw.on) {
        case (let micros?, nil) where micros >= 0:
            return .afterMicros(micros)
        case (nil, let name?):
            guard let moment = TraceAbort.Moment(rawValue: name) else {
                throw invalid(#""abort.on" must be one of \#(TraceAbort.Moment.allCases.map(\.rawValue).joined(separator: ", "))"#)
            }
            return .on(moment)
        default:
            throw invalid(#""abort" must be {"afterMicros":N} with N ≥ 0 or {"on":"loadstart"|"readystate2"|"firstprogress"}"#)
        }
    }

    private static func isJSONObject(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
    }

    private static func path(_ context: DecodingError.Context, adding key: String? = nil) -> String {
        let keys = context.codingPath.map(\.stringValue) + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "the line" : "\"\(keys.joined(separator: "."))\""
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        default: "\(type)"
        }
    }
}
