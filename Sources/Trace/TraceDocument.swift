import Foundation

/// A whole trace: its header and its lines, read from or written as JSON Lines
/// (DESIGN.md "Trace format", version 1).
///
/// Reading is strict about what the format defines (the header first, known line
/// kinds, integer times, readyState 0–4, progress fields all or none) and ignores keys
/// it does not know, so newer writers' optional keys don't break older readers.
public struct TraceDocument: Sendable, Hashable {
    /// The first line.
    public var header: TraceHeader
    /// Every line after the header, in order.
    public var lines: [TraceLine]

    /// A document from its parts.
    public init(header: TraceHeader, lines: [TraceLine]) {
        self.header = header
        self.lines = lines
    }

    /// A document from lines as ``TraceRecorder`` makes them: the header first.
    ///
    /// - Throws: ``TraceParseError/Code/missingHeader`` when the first line is not a header.
    public init(recorded: [TraceLine]) throws(TraceParseError) {
        guard case .header(let header)? = recorded.first else {
            throw TraceParseError(.missingHeader, line: 1, "the first line must be the trace header")
        }
        self.init(header: header, lines: Array(recorded.dropFirst()))
    }

    /// Reads a JSON Lines trace. Blank lines are skipped.
    ///
    /// - Throws: ``TraceParseError`` naming the first bad line.
    public init(jsonl text: String) throws(TraceParseError) {
        var header: TraceHeader?
        var lines: [TraceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let content = raw.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            let line = try TraceLineDecoder.decode(content, lineNumber: number)
            if case .header(let parsed) = line {
                guard header == nil else {
                    throw TraceParseError(.invalidLine, line: number, "a second trace header; a file holds one trace (split it, or diff the parts)")
                }
                header = parsed
            } else {
                guard header != nil else {
                    throw TraceParseError(.missingHeader, line: number, #"the first line must be the header {"trace":"xhrtape","version":1,…}; is this an xhrtape trace?"#)
                }
                lines.append(line)
            }
        }
        guard let header else {
            throw TraceParseError(.empty, line: nil, "the trace is empty: expected a header line and at least one request line")
        }
        self.init(header: header, lines: lines)
    }

    /// The document as JSON Lines, each line ending in a newline.
    public var jsonl: String {
        ([TraceLine.header(header)] + lines).map { $0.json + "\n" }.joined()
    }

    /// The request lines, by xhr id, in order of appearance.
    public var requests: [(xhr: Int, request: TraceRequest)] {
        lines.compactMap { line in
            if case .request(let xhr, let request) = line { return (xhr, request) }
            return nil
        }
    }

    /// The events of one xhr, in order.
    public func events(ofXHR xhr: Int) -> [TraceEvent] {
        lines.compactMap { line in
            if case .event(let event) = line, event.xhr == xhr { return event }
            return nil
        }
    }

    /// The result line of one xhr, if it finished.
    public func result(ofXHR xhr: Int) -> TraceResult? {
        for case .result(let id, let result) in lines where id == xhr { return result }
        return nil
    }
}
