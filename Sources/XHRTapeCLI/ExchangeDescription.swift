import Cassette
import ContentCoding
import Foundation
import HTTPTypes
import TapeCore

/// The text `xhrtape show` prints for an exchange.
enum ExchangeDescription {
    static func heads(_ summary: ExchangeSummary, requestBody: [UInt8]) -> String {
        var out = "exchange \(summary.id.rawValue) · recorded \(ISO8601DateFormatter().string(from: summary.startedAt)) by \(summary.toolVersion)\n\n"
        out += "\(summary.request.method) \(summary.request.url) \(summary.request.version)\n"
        for (name, value) in summary.request.headerFields.wirePairs { out += "\(name): \(value)\n" }
        if !requestBody.isEmpty { out += "(request body: \(requestBody.count) bytes)\n" }
        out += "\n"
        if let response = summary.response {
            out += "\(response.version) \(response.status) \(response.reasonPhrase)\n"
            for (name, value) in response.headerFields.wirePairs { out += "\(name): \(value)\n" }
            out += "\n"
        } else {
            out += "(no response head)\n\n"
        }
        return out
    }

    static func timelineSummary(_ timeline: Timeline) -> String {
        var head: Int64?
        var chunkOffsets: [Int64] = []
        var bytes = 0
        var ending = "no terminal event"
        for entry in timeline.entries {
            switch entry.event {
            case .responseHead: head = entry.offsetMicros
            case .responseBodyChunk(let chunk):
                chunkOffsets.append(entry.offsetMicros)
                bytes += chunk.count
            case .responseEnd: ending = "ended cleanly at \(ms(entry.offsetMicros))"
            case .failure(let failure): ending = "failed at \(ms(entry.offsetMicros)) after \(bytes) body bytes: \(failure.code.name) (\(failure.message))"
            case .requestBodySent, .requestEnd: break
            }
        }
        var parts: [String] = []
        parts.append(head.map { "head at \(ms($0))" } ?? "no head")
        if let first = chunkOffsets.first, let last = chunkOffsets.last {
            let gaps = zip(chunkOffsets.dropFirst(), chunkOffsets).map { $0 - $1 }
            parts.append("\(chunkOffsets.count) chunk\(chunkOffsets.count == 1 ? "" : "s") (\(bytes) bytes) from \(ms(first)) to \(ms(last))")
            if let largest = gaps.max() { parts.append("largest gap \(ms(largest))") }
        } else {
            parts.append("no body")
        }
        parts.append(ending)
        return "timeline: " + parts.joined(separator: " · ")
    }

    static func eventList(_ timeline: Timeline) -> String {
        var out = ""
        for entry in timeline.entries {
            let detail: String
            switch entry.event {
            case .requestBodySent(let count): detail = "request body sent \(count) bytes"
            case .requestEnd: detail = "request end"
            case .responseHead(let head): detail = "response head \(head.status)"
            case .responseBodyChunk(let bytes): detail = "chunk \(bytes.count) bytes"
            case .responseEnd: detail = "end"
            case .failure(let failure): detail = "failure \(failure.code.name): \(failure.message)"
            }
            out += String(format: "%12.3f ms  ", Double(entry.offsetMicros) / 1000) + detail + "\n"
        }
        return out
    }

    /// The body, content-decoded when its Content-Encoding is known, as text when it is
    /// UTF-8, else as a hex dump.
    static func body(_ bytes: [UInt8], response: ResponseHead?, full: Bool) -> String {
        guard !bytes.isEmpty else { return "\nbody: empty\n" }
        var decoded = bytes
        var note = "\(bytes.count) bytes"
        if let encoding = response?.headerFields[.contentEncoding], let coding = HTTPContentCoding(token: encoding) {
            do {
                decoded = try ContentDecoder.decode(bytes, as: coding)
                note += ", \(encoding) → \(decoded.count) bytes decoded"
            } catch {
                note += ", \(encoding) that does not decode (\(error)); shown as recorded"
            }
        }
        if let type = response?.headerFields[.contentType] { note += ", \(type)" }
        let limit = full ? Int.max : 2048
        if let text = String(validating: decoded.prefix(limit), as: UTF8.self) ?? String(validating: decoded, as: UTF8.self).map({ String($0.prefix(limit)) }) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let cut = !full && (lines.count > 20 || decoded.count > limit)
            if !full { lines = Array(lines.prefix(20)) }
            return "\nbody (\(note)):\n" + lines.joined(separator: "\n") + (cut ? "\n… (--body full for all of it)\n" : "\n")
        }
        var out = "\nbody (\(note)), binary; first \(min(decoded.count, full ? decoded.count : 256)) bytes:\n"
        let shown = full ? decoded[...] : decoded.prefix(256)
        for start in stride(from: 0, to: shown.count, by: 16) {
            let row = shown[shown.startIndex + start ..< shown.startIndex + min(start + 16, shown.count)]
            out += String(format: "%08x  ", start) + row.map { String(format: "%02x", $0) }.joined(separator: " ") + "\n"
        }
        return out
    }

    static func ms(_ micros: Int64) -> String {
        String(format: "%.1f ms", Double(micros) / 1000)
    }
}
