import Cassette
import Foundation
import TapeCore

/// How `ls` and `show` print an exchange's one-line summary.
enum ExchangeListing {
    static let tableHeader = pad("ID", 5) + pad("METHOD", 8) + pad("STATUS", 7) + pad("BYTES", 10, right: true) + pad("EVENTS", 8, right: true) + pad("TIME", 10, right: true) + "  URL"

    static func row(_ summary: ExchangeSummary) -> String {
        pad("\(summary.id.rawValue)", 5) + pad(summary.request.method, 8) + pad(status(summary), 7)
            + pad(byteCount(summary.responseBodyLength), 10, right: true)
            + pad("\(summary.eventCount)", 8, right: true)
            + pad(milliseconds(summary.durationMicros), 10, right: true) + "  " + summary.request.url
    }

    static func json(_ summary: ExchangeSummary) -> String {
        var fields = [
            ("id", "\(summary.id.rawValue)"),
            ("startedAt", ISO8601DateFormatter().string(from: summary.startedAt).jsonStringLiteral),
            ("method", summary.request.method.jsonStringLiteral),
            ("url", summary.request.url.jsonStringLiteral),
            ("requestBytes", "\(summary.requestBodyLength)"),
        ]
        if let response = summary.response {
            fields.append(("status", "\(response.status)"))
            fields.append(("reason", response.reasonPhrase.jsonStringLiteral))
        }
        fields.append(("responseBytes", "\(summary.responseBodyLength)"))
        fields.append(("events", "\(summary.eventCount)"))
        fields.append(("durationMicros", "\(summary.durationMicros)"))
        if case .failed(let failure) = summary.outcome {
            fields.append(("failure", failure.code.name.jsonStringLiteral))
        }
        return "{" + fields.map { "\($0.0.jsonStringLiteral):\($0.1)" }.joined(separator: ",") + "}"
    }

    static func status(_ summary: ExchangeSummary) -> String {
        switch summary.outcome {
        case .completed: summary.response.map { "\($0.status)" } ?? "-"
        case .failed(let failure): summary.response.map { "\($0.status)!" } ?? failure.code.name
        }
    }

    static func byteCount(_ bytes: Int64) -> String {
        switch bytes {
        case ..<10_000: "\(bytes)"
        case ..<10_000_000: "\(bytes / 1024) KiB"
        default: "\(bytes / (1024 * 1024)) MiB"
        }
    }

    static func milliseconds(_ micros: Int64) -> String {
        String(format: "%.1f ms", Double(micros) / 1000)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(1, width - text.count))
        return right ? padding + text : text + padding
    }
}
