/// Puts a trace's XHR events on the exchanges of a cassette: which exchange each traced XHR
/// issued, and its events in order.
///
/// An XHR is matched to the first exchange not yet taken with the same method and URL as its
/// request line, in trace order, as replay consumes identical requests in recorded order. A
/// redirected XHR matches its first hop; its events, timed from `send()`, land on that row.
struct ReportTraceIndex {
    /// One traced XHR.
    struct TracedXHR {
        var id: Int
        var request: TraceRequest
        /// The exchange's position in the report, nil if no exchange matched.
        var exchangeIndex: Int?
        var events: [TraceEvent] = []
    }

    /// The XHRs in the order their request lines appear.
    private(set) var xhrs: [TracedXHR] = []
    /// Exchange position → XHR positions in ``xhrs``.
    private(set) var xhrsByExchange: [Int: [Int]] = [:]

    /// Indexes `lines` against exchanges given as `(method, url)` in report order.
    init(lines: [TraceLine], exchanges: [(method: String, url: String)]) {
        var unused: [String: [Int]] = [:]
        for (index, exchange) in exchanges.enumerated().reversed() {
            unused[exchange.method + " " + exchange.url, default: []].append(index)
        }
        var positionByID: [Int: Int] = [:]
        for line in lines {
            switch line {
            case .request(let id, let request):
                let key = request.method + " " + request.url
                let exchange = unused[key]?.popLast()
                positionByID[id] = xhrs.count
                if let exchange { xhrsByExchange[exchange, default: []].append(xhrs.count) }
                xhrs.append(TracedXHR(id: id, request: request, exchangeIndex: exchange))
            case .event(let event):
                if let position = positionByID[event.xhr] { xhrs[position].events.append(event) }
            case .header, .result:
                break
            }
        }
    }

    /// How many events the trace holds on matched XHRs.
    var placedEventCount: Int {
        xhrs.reduce(0) { $0 + ($1.exchangeIndex == nil ? 0 : $1.events.count) }
    }
}
