import Foundation

/// A response parsed from raw reads, each body byte tagged with the read it came in.
struct RawHTTPResponse: Sendable {
    /// The status line, e.g. `HTTP/1.1 200 OK`.
    var statusLine: String
    /// The header lines in order.
    var headerLines: [String]
    /// The body, de-chunked.
    var body: [UInt8]
    /// For each body byte, when (µs after sending) the read carrying it arrived.
    var bodyByteArrival: [Int64]

    /// The status code.
    var status: Int? { Int(statusLine.split(separator: " ").dropFirst().first ?? "") }

    /// The value of the first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        for line in headerLines {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return parts[1].drop(while: { $0 == " " }).description
            }
        }
        return nil
    }

    /// Parses the first response in `reads`; nil when there is no complete head.
    init?(reads: [(micros: Int64, bytes: [UInt8])]) {
        var bytes: [UInt8] = []
        var arrival: [Int64] = []
        for read in reads {
            bytes += read.bytes
            arrival += Array(repeating: read.micros, count: read.bytes.count)
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            return nil
        }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        statusLine = lines[0]
        headerLines = Array(lines.dropFirst())
        body = []
        bodyByteArrival = []
        var position = headEnd + 4
        let chunked = headerLines.contains { $0.lowercased().hasPrefix("transfer-encoding:") && $0.lowercased().contains("chunked") }
        if chunked {
            while position < bytes.count {
                guard let lineEnd = (position..<max(position, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                      let size = Int(String(decoding: bytes[position..<lineEnd], as: UTF8.self).split(separator: ";").first ?? "", radix: 16)
                else { break }
                position = lineEnd + 2
                if size == 0 { break }
                let end = min(position + size, bytes.count)
                body += bytes[position..<end]
                bodyByteArrival += arrival[position..<end]
                position = end + 2
            }
        } else {
            body = Array(bytes[position...])
            bodyByteArrival = Array(arrival[position...])
        }
    }
}
