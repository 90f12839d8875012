public import Cassette
import Foundation
import HTTPTypes
import TapeCore
import XHR

/// A self-contained HTML page that shows a cassette on a time axis: one row per exchange with
/// its waterfall bar and a tick for every body chunk's arrival, and, given a trace, the XHR
/// events as markers on the same axis.
///
/// The page needs no network: CSS and JavaScript are inline. Without JavaScript it is a summary
/// table (method, URL, status, bytes, chunks, start, duration) whose last column draws the
/// waterfall with CSS alone: the bar spans the exchange (light while waiting for the head, dark
/// while receiving, red when it failed), chunk ticks sit on it, trace markers above it. With
/// JavaScript, clicking a row opens a detail panel with both heads, a preview of the body
/// (decoded, at most ``previewBytes`` bytes), the timeline's events and the row's trace events.
///
/// Size: the table is one row per exchange (ticks closer than 0.01 % of the axis are drawn
/// once, at most ``maximumTicksPerRow``), and the details are one JSON array read only on click;
/// ten thousand small exchanges make a page of a few megabytes.
///
/// Row elements are `tr.ex` with `data-i` (position) and `data-id` (exchange id); markers are
/// `b.m` with `data-type` (event type) and `data-xhr`; chunk ticks are `b.t`.
public struct TimelineReport: Sendable {
    /// Longest body preview in the detail panel, in bytes.
    public var previewBytes = 1024
    /// Most chunk ticks drawn on one row.
    public var maximumTicksPerRow = 400
    /// The page's title.
    public var title: String

    /// Creates a report.
    ///
    /// - Parameter title: The page's title, usually the cassette's file name.
    public init(title: String) {
        self.title = title
    }

    /// One exchange, reduced to what the page shows.
    struct Row {
        var id: ExchangeID
        var method: String
        var url: String
        var response: ResponseHead?
        var failure: TransportFailure?
        var bodyBytes: Int64
        var startMicros: Int64
        var durationMicros: Int64
        var headMicros: Int64?
        var chunkOffsets: [Int64]
        var request: RequestHead
        var preview: String
        var previewIsText: Bool
        var events: [(at: Int64, what: String)]
    }

    /// The page for every exchange of `cassette`, with `trace`'s events as markers.
    ///
    /// - Parameters:
    ///   - cassette: The cassette to show.
    ///   - trace: The lines of a trace of the same exchanges (empty for none).
    /// - Returns: The HTML text.
    /// - Throws: ``CassetteError`` if the cassette cannot be read.
    public func html(for cassette: Cassette, trace: [TraceLine] = []) throws(CassetteError) -> String {
        var rows: [Row] = []
        for summary in try cassette.exchanges() {
            rows.append(row(summary, try cassette.timeline(of: summary.id)))
        }
        return html(rows: rows, trace: trace)
    }

    // MARK: - Rows

    private func row(_ summary: ExchangeSummary, _ timeline: Timeline) -> Row {
        var chunkOffsets: [Int64] = []
        var events: [(Int64, String)] = []
        var headAt: Int64?
        var body: [UInt8] = []
        for entry in timeline.entries {
            switch entry.event {
            case .requestBodySent(let count): events.append((entry.offsetMicros, "request body sent: \(count) bytes"))
            case .requestEnd: events.append((entry.offsetMicros, "request end"))
            case .responseHead(let head):
                headAt = entry.offsetMicros
                events.append((entry.offsetMicros, "response head: \(head.status) \(head.reasonPhrase)"))
            case .responseBodyChunk(let bytes):
                chunkOffsets.append(entry.offsetMicros)
                if chunkOffsets.count <= 50 { events.append((entry.offsetMicros, "chunk: \(bytes.count) bytes")) }
                if body.count < 1 << 20 { body += bytes }
            case .responseEnd: events.append((entry.offsetMicros, "response end"))
            case .failure(let failure): events.append((entry.offsetMicros, "failure: \(failure)"))
            }
        }
        if chunkOffsets.count > 50 { events.append((timeline.durationMicros, "… \(chunkOffsets.count - 50) more chunks")) }
        let (preview, isText) = self.preview(body, head: timeline.responseHead)
        return Row(
            id: summary.id, method: summary.request.method, url: summary.request.url, response: summary.response,
            failure: timeline.failure, bodyBytes: summary.responseBodyLength,
            startMicros: Int64((summary.startedAt.timeIntervalSince1970 * 1_000_000).rounded()),
            durationMicros: timeline.durationMicros, headMicros: headAt, chunkOffsets: chunkOffsets,
            request: summary.request, preview: preview, previewIsText: isText, events: events)
    }

    /// The first ``previewBytes`` of the decoded body: text if it is UTF-8, else hex.
    private func preview(_ body: [UInt8], head: ResponseHead?) -> (String, Bool) {
        guard !body.isEmpty else { return ("", true) }
        var bytes = body
        if let head, case let codings = HARContentCodings(head.headerFields), !codings.tokens.isEmpty {
            bytes = codings.decode(body) ?? body
        }
        let cut = Array(bytes.prefix(previewBytes))
        // A cut may split a UTF-8 sequence: try dropping up to three trailing bytes.
        for drop in 0...min(3, cut.count) {
            if let text = String(validating: cut.dropLast(drop), as: UTF8.self), !text.contains("\u{0}") {
                return (text + (bytes.count > cut.count ? "\n… (\(bytes.count) bytes)" : ""), true)
            }
        }
        let hex = cut.prefix(256).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        let lines = stride(from: 0, to: hex.count, by: 16).map { hex[$0..<min($0 + 16, hex.count)].joined(separator: " ") }
        return (lines.joined(separator: "\n") + (bytes.count > 256 ? "\n… (\(bytes.count) bytes)" : ""), false)
    }

    // MARK: - Page

    private func html(rows: [Row], trace: [TraceLine]) -> String {
        let index = ReportTraceIndex(lines: trace, exchanges: rows.map { (method: $0.method, url: $0.url) })
        let origin = rows.map(\.startMicros).min() ?? 0
        var end: Int64 = 1
        for (position, row) in rows.enumerated() {
            end = max(end, row.startMicros - origin + row.durationMicros)
            for xhr in index.xhrsByExchange[position] ?? [] {
                for event in index.xhrs[xhr].events { end = max(end, row.startMicros - origin + event.offsetMicros) }
            }
        }
        let axis = ReportAxis(spanMicros: end + end / 50)  // 2 % to spare, so the last marker shows whole

        var page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        page += "<meta name=\"viewport\" content=\"width=device-width\"><title>\(title.htmlEscaped) — xhrtape report</title>"
        page += "<style>\(ReportAssets.css)</style></head>\n<body>\n"
        page += "<header><h1>\(title.htmlEscaped)</h1><p id=\"summary\">\(rows.count) exchange\(rows.count == 1 ? "" : "s")"
        page += ", \(rows.reduce(0) { $0 + $1.bodyBytes }) body bytes, \(rows.reduce(0) { $0 + $1.chunkOffsets.count }) chunks"
        page += " over \(ReportAxis.label(end))"
        if !trace.isEmpty {
            let unmatched = index.xhrs.filter { $0.exchangeIndex == nil }
            page += "; trace: \(index.xhrs.count) XHR\(index.xhrs.count == 1 ? "" : "s"), \(index.placedEventCount) events placed"
            if !unmatched.isEmpty {
                page += "; no exchange for " + unmatched.prefix(5).map { "xhr \($0.id) (\($0.request.method) \($0.request.url))".htmlEscaped }.joined(separator: ", ")
                if unmatched.count > 5 { page += " and \(unmatched.count - 5) more" }
            }
        }
        page += ".</p><p class=\"legend\"><span class=\"k kw\"></span>waiting <span class=\"k kr\"></span>receiving "
        page += "<span class=\"k kf\"></span>failed <span class=\"k kt\"></span>chunk arrival <span class=\"k km\"></span>XHR event. "
        page += "Click a row for its heads and body.</p></header>\n"
        page += "<table id=\"exchanges\"><thead><tr><th>#</th><th>Method</th><th>URL</th><th>Status</th><th>Bytes</th>"
        page += "<th>Chunks</th><th>Start</th><th>Duration</th><th class=\"wf\">\(axis.headerHTML)</th></tr></thead>\n<tbody>\n"
        for (position, row) in rows.enumerated() {
            page += rowHTML(row, position: position, origin: origin, axis: axis, index: index)
        }
        page += "</tbody></table>\n<aside id=\"detail\" hidden></aside>\n"
        page += "<script type=\"application/json\" id=\"xhrtape-data\">"
        page += detailJSON(rows, index: index)
        page += "</script>\n<script>\(ReportAssets.script)</script>\n</body></html>\n"
        return page
    }

    private func rowHTML(_ row: Row, position: Int, origin: Int64, axis: ReportAxis, index: ReportTraceIndex) -> String {
        let start = row.startMicros - origin
        let status = row.response.map { String($0.status) } ?? "failed"
        var html = "<tr class=\"ex\(row.failure == nil ? "" : " fail")\" data-i=\"\(position)\" data-id=\"\(row.id.rawValue)\">"
        html += "<td>\(row.id.rawValue)</td><td>\(row.method.htmlEscaped)</td><td class=\"u\" title=\"\(row.url.htmlEscaped)\">\(row.url.htmlEscaped)</td>"
        html += "<td>\(status)</td><td>\(row.bodyBytes)</td><td>\(row.chunkOffsets.count)</td>"
        html += "<td>\(ReportAxis.label(start))</td><td>\(ReportAxis.label(row.durationMicros))</td><td class=\"wf\">"
        let waitEnd = row.headMicros ?? row.durationMicros
        html += "<i class=\"b w\" style=\"left:\(axis.percent(start));width:\(axis.width(waitEnd))\"></i>"
        if let head = row.headMicros {
            html += "<i class=\"b \(row.failure == nil ? "r" : "f")\" style=\"left:\(axis.percent(start + head));width:\(axis.width(row.durationMicros - head))\"></i>"
        } else if row.failure != nil {
            html += "<i class=\"b f\" style=\"left:\(axis.percent(start));width:\(axis.width(row.durationMicros))\"></i>"
        }
        var lastTick = ""
        var ticks = 0
        for offset in row.chunkOffsets where ticks < maximumTicksPerRow {
            let left = axis.percent(start + offset)
            if left == lastTick { continue }
            lastTick = left
            ticks += 1
            html += "<b class=\"t\" style=\"left:\(left)\"></b>"
        }
        for xhr in index.xhrsByExchange[position] ?? [] {
            let traced = index.xhrs[xhr]
            for event in traced.events {
                let what = "xhr \(traced.id) \(event.target.rawValue) \(event.type) at \(ReportAxis.label(event.offsetMicros))"
                html += "<b class=\"m\" data-type=\"\(event.type.htmlEscaped)\" data-xhr=\"\(traced.id)\" "
                html += "style=\"left:\(axis.percent(start + event.offsetMicros))\" title=\"\(what.htmlEscaped)\"></b>"
            }
        }
        return html + "</td></tr>\n"
    }

    /// The detail panel's data: one array item per row.
    private func detailJSON(_ rows: [Row], index: ReportTraceIndex) -> String {
        func pairs(_ fields: HTTPFields) -> String {
            "[" + fields.wirePairs.map { "[\($0.name.scriptSafeJSONLiteral),\($0.value.scriptSafeJSONLiteral)]" }.joined(separator: ",") + "]"
        }
        var json = "["
        for (position, row) in rows.enumerated() {
            if position > 0 { json += ",\n" }
            json += "{\"q\":\("\(row.method) \(row.url) \(row.request.version)".scriptSafeJSONLiteral),\"qh\":\(pairs(row.request.headerFields))"
            if let response = row.response {
                json += ",\"s\":\("\(response.version) \(response.status) \(response.reasonPhrase)".scriptSafeJSONLiteral),\"sh\":\(pairs(response.headerFields))"
            }
            if let failure = row.failure { json += ",\"f\":\(failure.description.scriptSafeJSONLiteral)" }
            json += ",\"p\":\(row.preview.scriptSafeJSONLiteral),\"pt\":\(row.previewIsText)"
            json += ",\"e\":[" + row.events.map { "[\($0.at),\($0.what.scriptSafeJSONLiteral)]" }.joined(separator: ",") + "]"
            var traced: [String] = []
            for xhr in index.xhrsByExchange[position] ?? [] {
                let item = index.xhrs[xhr]
                for event in item.events {
                    traced.append("[\(item.id),\(event.offsetMicros),\("\(event.target.rawValue) \(event.type) readyState \(event.readyState.rawValue)".scriptSafeJSONLiteral)]")
                }
            }
            json += ",\"x\":[" + traced.joined(separator: ",") + "]}"
        }
        return json + "]"
    }
}
