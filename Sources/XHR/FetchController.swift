import ContentCoding
import Foundation
import HTTPTypes
import TapeCore

/// What the fetch layer reports to its XHR, in order.
protocol FetchControllerDelegate: AnyObject {
    func fetchController(_ controller: FetchController, didSendRequestBodyBytes count: Int64)
    func fetchControllerDidEndRequest(_ controller: FetchController)
    func fetchController(_ controller: FetchController, didReceive response: FetchResponse)
    /// Decoded body bytes (content codings removed), never empty.
    func fetchController(_ controller: FetchController, didReceiveBody bytes: [UInt8])
    func fetchControllerDidEndBody(_ controller: FetchController)
    func fetchController(_ controller: FetchController, didFailWith reason: String)
}

/// The parts of Fetch that XMLHttpRequest needs, over a ``Transport``: following
/// redirects, removing content codings, and turning a misbehaving transport into a
/// network error instead of a crash.
///
/// - Redirects (Fetch "HTTP-redirect fetch"): 301, 302, 303, 307 and 308 with a
///   `Location` are followed, at most 20 times; 301/302 turn POST into GET and 303
///   turns anything but GET/HEAD into GET, dropping the body and its headers; 307/308
///   keep method and body. A Location that does not parse, a non-HTTP(S) target or a
///   21st redirect is a network error. Upload events come from the first request only.
/// - Content codings: a single `gzip`, `x-gzip`, `deflate` or `br` coding is decoded
///   as chunks arrive; a decoding failure is a network error; unknown codings pass
///   through untouched (as browsers do for codings they did not ask for).
/// - `chromium` profile: a response Chromium would MIME-sniff is held back until it has
///   enough decoded body bytes or ends (``ChromiumMIMESniffing``), and a content-coded
///   response reports length 0.
final class FetchController: TransportDelegate {
    static let redirectLimit = 20

    private let transport: any Transport
    private let profile: XHRProfile
    private let scheduler: any Scheduler
    /// The pending local answer to a `data:` URL.
    private var dataURLTask: ScheduledTaskID?
    private weak var delegate: (any FetchControllerDelegate)?
    private var request: FetchRequest
    private var task: (any TransportTask)?
    private var redirectCount = 0
    private var decoder: ContentDecoder?
    private var phase = Phase.waitingForHead
    private var isFirstRequest = true

    /// `chromium`: the response held while its body is sniffed, and the bytes so far.
    private var sniffing: (response: FetchResponse, bytes: [UInt8], needed: Int)?

    private enum Phase { case waitingForHead, receivingBody, ignoringBody, finished }

    init(request: FetchRequest, profile: XHRProfile = .spec, transport: any Transport, scheduler: any Scheduler, delegate: any FetchControllerDelegate) {
        self.request = request
        // Fetch, "fetch" step 12: "If request's header list does not contain `Accept`", append
        // `Accept: */*` (the value for the "empty" destination XHR uses).
        if !request.headers.contains(where: { $0.name.lowercased() == "accept" }) {
            self.request.headers.append((name: "Accept", value: "*/*"))
        }
        self.transport = transport
        self.profile = profile
        self.scheduler = scheduler
        self.delegate = delegate
    }

    func start() {
        // Fetch "scheme fetch": data: URLs never reach the transport.
        if request.url.lowercased().hasPrefix("data:") {
            dataURLTask = scheduler.schedule(afterMicros: 0) { [weak self] in self?.answerDataURL() }
            return
        }
        task = transport.start(exchangeRequest(), delegate: self)
    }

    /// Scheme fetch, "data": the data: URL processor's result as a 200 response, or a
    /// network error. Delivered on the next turn of the scheduler, as network responses are.
    private func answerDataURL() {
        dataURLTask = nil
        guard phase != .finished else { return }
        guard let data = DataURL(request.url) else {
            return fail("the data: URL could not be processed")
        }
        let bodyIsNull = request.method == "HEAD"
        phase = bodyIsNull ? .finished : .receivingBody
        delegate?.fetchController(self, didReceive: FetchResponse(
            status: 200, statusText: "OK", headers: [("Content-Type", data.mimeType.serialized)], url: request.url,
            bodyIsNull: bodyIsNull, length: 0))
        guard phase == .receivingBody else { return }  // a HEAD request, or cancelled by a listener
        if !data.body.isEmpty { delegate?.fetchController(self, didReceiveBody: data.body) }
        guard phase == .receivingBody else { return }
        phase = .finished
        delegate?.fetchControllerDidEndBody(self)
    }

    /// Terminates the fetch; the delegate hears nothing more.
    func cancel() {
        phase = .finished
        sniffing = nil
        if let dataURLTask { scheduler.cancel(dataURLTask) }
        dataURLTask = nil
        task?.cancel()
        task = nil
    }

    private func exchangeRequest() -> ExchangeRequest {
        let fields = HTTPFields(wirePairs: request.headers) ?? HTTPFields()
        return ExchangeRequest(head: RequestHead(method: request.method, url: request.url, headerFields: fields),
                               body: request.body ?? [])
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        guard task === self.task, phase != .finished else { return }
        switch event {
        case .requestBodySent(let count):
            if isFirstRequest { delegate?.fetchController(self, didSendRequestBodyBytes: Int64(count)) }
        case .requestEnd:
            if isFirstRequest { delegate?.fetchControllerDidEndRequest(self) }
        case .responseHead(let head):
            guard phase == .waitingForHead else { return fail("the transport sent a second response head") }
            receive(head)
        case .responseBodyChunk(let bytes):
            switch phase {
            case .waitingForHead: fail("the transport sent body bytes before the response head")
            case .ignoringBody, .finished: break
            case .receivingBody: deliverBody(bytes)
            }
        case .responseEnd:
            switch phase {
            case .waitingForHead: fail("the transport ended the response before its head")
            case .ignoringBody, .finished: phase = .finished
            case .receivingBody: finishBody()
            }
        case .failure(let failure):
            fail("\(failure.message) (\(failure.code))")
        }
    }

    private func receive(_ head: ResponseHead) {
        if [301, 302, 303, 307, 308].contains(head.status), let location = head.headerFields[.location] {
            follow(location: location, status: head.status)
            return
        }
        let bodyIsNull = request.method == "HEAD" || [101, 103, 204, 205, 304].contains(head.status)
        let codings = head.headerFields[values: .contentEncoding]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0.lowercased() != "identity" }
        if !bodyIsNull, codings.count == 1, let coding = HTTPContentCoding(token: codings[0]) {
            decoder = try? ContentDecoder(coding)
        }
        phase = bodyIsNull ? .ignoringBody : .receivingBody
        // chromium: progress of a content-coded response has no total, even with a
        // Content-Length (crbug 463622; recordings/chromium/gzip-whole.jsonl: 4096 of 0).
        let length = profile == .chromium && decoder != nil ? 0 : head.contentLength ?? 0
        let headers = head.headerFields.wirePairs
        let response = FetchResponse(
            status: head.status, statusText: head.reasonPhrase, headers: headers,
            url: request.url, bodyIsNull: bodyIsNull, length: length)
        if profile == .chromium, !bodyIsNull, let needed = ChromiumMIMESniffing.bytesToSniff(headers: headers) {
            sniffing = (response, [], needed)
            return
        }
        delegate?.fetchController(self, didReceive: response)
    }

    private func follow(location: String, status: Int) {
        task?.cancel()
        task = nil
        redirectCount += 1
        guard redirectCount <= Self.redirectLimit else {
            return fail("more than \(Self.redirectLimit) redirects (the last to \(location))")
        }
        guard let target = URL(string: location, relativeTo: URL(string: request.url))?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            return fail("the redirect's Location '\(location)' is not an http(s) URL")
        }
        // Fetch "HTTP-redirect fetch" step 12: method rewriting.
        if (status == 301 || status == 302) && request.method == "POST" || status == 303 && request.method != "GET" && request.method != "HEAD" {
            request.method = "GET"
            request.body = nil
            let bodyHeaders: Set<String> = ["content-encoding", "content-language", "content-location", "content-type", "content-length"]
            request.headers.removeAll { bodyHeaders.contains($0.name.lowercased()) }
        }
        // Keep the fragment of the original URL when the Location has none (Fetch step 19).
        var url = target.absoluteString
        if target.fragment == nil, let hash = request.url.firstIndex(of: "#") {
            url += request.url[hash...]
        }
        request.url = url
        isFirstRequest = false
        start()
    }

    private func deliverBody(_ bytes: [UInt8]) {
        guard let decoder else {
            forward(bytes)
            return
        }
        do {
            forward(try decoder.decode(bytes))
        } catch {
            fail("the \(decoder.coding.rawValue) body could not be decoded: \(error)")
        }
    }

    /// Hands decoded bytes to the delegate, or to the sniffing hold while it lasts.
    private func forward(_ decoded: [UInt8]) {
        guard var held = sniffing else {
            if !decoded.isEmpty { delegate?.fetchController(self, didReceiveBody: decoded) }
            return
        }
        held.bytes += decoded
        sniffing = held
        if held.bytes.count >= held.needed { releaseSniffedResponse() }
    }

    /// The sniffing hold ends: the head, then every byte held, as one chunk.
    private func releaseSniffedResponse() {
        guard let held = sniffing else { return }
        sniffing = nil
        delegate?.fetchController(self, didReceive: held.response)
        guard phase == .receivingBody, !held.bytes.isEmpty else { return }  // a listener may have cancelled
        delegate?.fetchController(self, didReceiveBody: held.bytes)
    }

    private func finishBody() {
        if let decoder {
            do {
                forward(try decoder.finish())
            } catch {
                return fail("the \(decoder.coding.rawValue) body ended early: \(error)")
            }
        }
        if sniffing != nil {
            releaseSniffedResponse()
            guard phase == .receivingBody else { return }
        }
        phase = .finished
        task = nil
        delegate?.fetchControllerDidEndBody(self)
    }

    private func fail(_ reason: String) {
        phase = .finished
        sniffing = nil
        task?.cancel()
        task = nil
        delegate?.fetchController(self, didFailWith: reason)
    }
}

@available(*, unavailable, message: "A FetchController belongs to its scheduler's context")
extension FetchController: Sendable {}
