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
    /// Where the response came from: `recorded`, `replayed` or `passed-through` on the line;
    /// nil when the proxy answered itself (a miss, a rejection, a tunnel).
    var source: ProxyCounters.Kind?
    /// `miss`, `excluded` (outside a replay's host filter), `rejected`, `upstream-failed`, `reset`, `truncated`, `client-aborted`, `tunnel` (a
    /// `CONNECT` answered) …; nil for an exchange that ended normally.
    var outcome: String?

    /// Starts the line for a new request.
    mutating func begin(method: String, url: String) {
        self = ExchangeLogLine()
        self.method = method
        self.url = url
        startedAt = .now()
    }

    /// Adds `word` to the outcome (after what it already says).
    mutating func note(_ word: String) {
        outcome = outcome.map { "\($0) \(word)" } ?? word
    }

    /// Logs the line once; later calls until the next ``begin(method:url:)`` do nothing.
    ///
    /// The line ends with the source and the outcome: `… 200 1024B 812µs recorded`,
    /// `… recorded reset`, `… 598 312B 95µs miss`.
    mutating func emit(to logger: Logger) {
        guard let method else { return }
        let micros = (NIODeadline.now() - startedAt).nanoseconds / 1000
        let ending = [source.map(Self.word(for:)), outcome].compactMap { $0 }.joined(separator: " ")
        logger.info("\(method) \(url) \(status.map(String.init) ?? "-") \(bodyBytes)B \(micros)µs \(ending.isEmpty ? "ok" : ending)")
        self.method = nil
    }

    private static func word(for kind: ProxyCounters.Kind) -> String {
        switch kind {
        case .recorded: "recorded"
        case .replayed: "replayed"
        case .passedThrough: "passed-through"
        }
    }
}
