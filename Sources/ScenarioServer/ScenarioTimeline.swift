import Foundation
import HTTPTypes
public import TapeCore

/// The exchange the scenario server carries out for a request, as a timeline on a
/// perfect network: the head at `delay`, body pieces at their nominal offsets, the
/// end, reset or close where the server's script puts it, and no transfer time.
///
/// The server owns the behaviours, so it also says what they look like on a clock:
/// a replay of this timeline on a ``VirtualScheduler`` shows what a client on an
/// ideal loopback would see, which is what the golden Chromium traces are compared
/// against (`/trickle?chunks=5&size=100&interval=100` → head at 0, pieces at 0, 100,
/// …, 400 ms, end with the last one).
///
/// Request side: the body is sent at once (one `requestBodySent`, then `requestEnd`,
/// both at 0). `/upload-sink` answers after reading the body at its `rate`. `/echo`
/// answers with the request as the server would see it (the request's own header
/// fields; a browser adds its own on the wire).
public enum ScenarioTimeline {
    /// Largest piece of a streamed body, as the server writes it.
    static let streamPieceBytes: Int64 = 64 << 10

    /// The nominal timeline of `request`, whose URL's path and query name a scenario
    /// (scheme and authority are ignored). Requests the server rejects get its `400`.
    ///
    /// - Throws: ``TimelineError`` only if the scenario cannot be expressed as a valid
    ///   timeline (a bug: every scenario can).
    public static func nominal(for request: ExchangeRequest) throws(TimelineError) -> Timeline {
        var entries: [Timeline.Entry] = []
        if !request.body.isEmpty {
            entries.append(.init(offsetMicros: 0, event: .requestBodySent(byteCount: request.body.count)))
        }
        entries.append(.init(offsetMicros: 0, event: .requestEnd))
        let target = originForm(request.head.url)
        let plan: ScenarioPlan
        do {
            plan = try ScenarioRouter.plan(method: request.head.method, target: target)
        } catch {
            entries += responseEntries(.badRequest(error), at: 0)
            return try Timeline(request: request, entries: entries)
        }
        let headAt = plan.delayBeforeHeadMillis * 1_000
        switch plan.action {
        case .respond(let response):
            entries += responseEntries(response, at: headAt)
        case .echo(var response):
            response.body = .bytes(EchoDocument(request: request, target: target).json)
            response.omitBody = request.head.method == "HEAD"
            entries += responseEntries(response, at: headAt)
        case .uploadSink(let rate, var response):
            let readMicros = Int64(request.body.count) * 1_000_000 / rate
            var checksum = FNV1a64()
            request.body.withUnsafeBytes { checksum.update($0) }
            let summary = "{\"bytes\":\(request.body.count),\"fnv1a64\":\"\(checksum.hex)\",\"millis\":\((readMicros + headAt) / 1_000)}\n"
            response.body = .bytes(Array(summary.utf8))
            response.omitBody = request.head.method == "HEAD"
            entries += responseEntries(response, at: readMicros + headAt)
        case .closeWithoutResponse(let reset):
            entries.append(.init(offsetMicros: headAt, event: .failure(TransportFailure(
                .connectionReset, message: reset ? "the server reset the connection before a response" : "the server closed the connection before a response"))))
        case .hang(let millis):
            entries.append(.init(offsetMicros: headAt + millis * 1_000, event: .failure(TransportFailure(
                .connectionReset, message: "the server closed the connection after \(millis) ms without a response"))))
        }
        return try Timeline(request: request, entries: entries)
    }

    /// `/path?query` of an absolute URL (or the target itself when it is already one),
    /// without the fragment.
    static func originForm(_ url: String) -> String {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let scheme = rest.range(of: "://") else { return String(rest) }
        let afterAuthority = rest[scheme.upperBound...]
        guard let slash = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let target = afterAuthority[slash...]
        return target.hasPrefix("?") ? "/" + target : String(target)
    }

    /// The head at `headAt`, then the body as ``ScenarioHandler`` paces it.
    private static func responseEntries(_ response: ScenarioResponse, at headAt: Int64) -> [Timeline.Entry] {
        let keepAlive = response.framing != .close
        let fields = HTTPFields(wirePairs: response.wireHeaders(keepAlive: keepAlive).map { ($0.name, $0.value) }) ?? HTTPFields()
        var entries: [Timeline.Entry] = [.init(offsetMicros: headAt, event: .responseHead(ResponseHead(
            status: response.status, reasonPhrase: response.reasonPhrase, headerFields: fields)))]
        guard !response.omitBody, !response.statusForbidsBody else {
            entries.append(.init(offsetMicros: headAt, event: .responseEnd(trailers: nil)))
            return entries
        }
        let bodyStart = headAt + response.bodyDelayMillis * 1_000
        let total = response.body.count
        let limit: Int64
        switch response.interruption {
        case .none: limit = total
        case .resetAfter(let bytes), .closeAfter(let bytes): limit = min(bytes, total)
        }
        let sizes = response.trickleSizes
        var interval: Int64 = 0
        if case .trickle(_, let millis) = response.pacing { interval = millis * 1_000 }
        var sent: Int64 = 0
        var piece = 0
        var now = bodyStart
        // ScenarioHandler.sendNextPiece: each piece at body start + index × interval; once the
        // limit is reached, the next call (at the next piece's due time) ends the body.
        while sent < limit {
            let size = min(sizes.map { $0[piece] } ?? streamPieceBytes, limit - sent)
            now = bodyStart + Int64(piece) * interval
            entries.append(.init(offsetMicros: now, event: .responseBodyChunk(bodyBytes(response.body, from: sent, count: size))))
            sent += size
            piece += 1
        }
        if let sizes, piece > 0, piece < sizes.count {
            now = bodyStart + Int64(piece) * interval
        }
        let interrupted = limit < total
        switch response.interruption {
        case .resetAfter where interrupted:
            entries.append(.init(offsetMicros: now, event: .failure(TransportFailure(
                .connectionReset, message: "the server reset the connection after \(limit) of \(total) body bytes"))))
        case .closeAfter where interrupted && response.framing != .close:
            entries.append(.init(offsetMicros: now, event: .failure(TransportFailure(
                .connectionReset, message: "the server closed the connection after \(limit) of \(total) body bytes"))))
        default:
            entries.append(.init(offsetMicros: now, event: .responseEnd(trailers: nil)))
        }
        return entries
    }

    private static func bodyBytes(_ body: ScenarioResponse.Body, from offset: Int64, count: Int64) -> [UInt8] {
        switch body {
        case .bytes(let bytes): Array(bytes[Int(offset)..<Int(offset + count)])
        case .pattern: BodyPattern.bytes(from: offset, count: Int(count))
        }
    }
}
