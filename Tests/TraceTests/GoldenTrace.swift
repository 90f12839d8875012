import Foundation

/// A golden trace file from `recordings/chromium/`, read with Foundation's JSON parser:
/// the request line's settings, the event lines and the result line.
struct GoldenTrace {
    /// An event line's fields, as the diff compares them.
    struct Event: Equatable, CustomStringConvertible {
        var t: Int64
        var target: String
        var type: String
        var readyState: Int
        var status: Int?
        var loaded: Int64?
        var total: Int64?
        var lengthComputable: Bool?

        var description: String {
            var text = "\(t)µs \(target).\(type) rs=\(readyState)"
            if let status { text += " status=\(status)" }
            if let loaded, let total, let lengthComputable { text += " \(loaded)/\(total)\(lengthComputable ? "" : " (not computable)")" }
            return text
        }
    }

    struct Abort: Equatable {
        var afterMicros: Int64?
        var on: String?
    }

    var name: String
    var method: String
    var url: String
    var async: Bool
    var timeoutMillis: Int64
    var responseType: String
    var uploadListeners: Bool
    var overrideMimeType: String?
    var abort: Abort?
    var events: [Event] = []
    var result: [String: Any]?

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    init(name: String, jsonl: String) throws {
        self.name = name
        var request: [String: Any]?
        var events: [Event] = []
        for (index, line) in jsonl.split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FormatError(description: "\(name).jsonl line \(index + 1) is not a JSON object")
            }
            if let value = object["request"] as? [String: Any] {
                request = value
            } else if let value = object["result"] as? [String: Any] {
                result = value
            } else if let t = object["t"] as? Int64, let target = object["target"] as? String,
                      let type = object["type"] as? String, let readyState = object["readyState"] as? Int {
                events.append(Event(t: t, target: target, type: type, readyState: readyState, status: object["status"] as? Int,
                                    loaded: object["loaded"] as? Int64, total: object["total"] as? Int64,
                                    lengthComputable: object["lengthComputable"] as? Bool))
            }
        }
        guard let request, let method = request["method"] as? String, let url = request["url"] as? String else {
            throw FormatError(description: "\(name).jsonl has no request line with a method and a url")
        }
        self.method = method
        self.url = url
        async = request["async"] as? Bool ?? true
        timeoutMillis = request["timeout"] as? Int64 ?? 0
        responseType = request["responseType"] as? String ?? ""
        uploadListeners = request["uploadListeners"] as? Bool ?? false
        overrideMimeType = request["overrideMimeType"] as? String
        if let abort = request["abort"] as? [String: Any] {
            self.abort = Abort(afterMicros: abort["afterMicros"] as? Int64, on: abort["on"] as? String)
        }
        self.events = events
    }
}
