import Logging
import NIOCore

/// The one log line per exchange: method, URL, status, body bytes, duration and outcome.
struct ExchangeLogLine {
    private var method: String?
    private var url = ""
    private var startedAt = NIODeadline.now()
    /// The status answered, if any.
    var status: Int?
    /// Response body bytes written to the client.
    var bodyBytes = 0
    /// `miss`, `rejected`, `upstream-failed`, `reset`, `truncated`, `client-aborted`, `tunnel` (a
    /// `CONNECT` answered) …; nil for a normal exchange.
    var outcome: String?

    /// Starts the line for a new request.
    mutating func begin(method: String, url: String) {
        self = ExchangeLogLine()
        self.method = method
        self.url = url
        startedAt = .now()
    }

    /// Logs the line once; later calls until the next ``begin(method:url:)`` do nothing.
    mutating func emit(to logger: Logger) {
        guard let method else { return }
        let micros = (NIODeadline.now() - startedAt).nanoseconds / 1000
        logger.info("\(method) \(url) \(status.map(String.init) ?? "-") \(bodyBytes)B \(micros)µs \(outcome ?? "ok")")
        self.method = nil
    }
}
