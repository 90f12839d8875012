import CurlTransport
import Foundation
import HTTPTypes
import TapeCore

/// libcurl as the proxy's client (a `CurlTransport` configured with the proxy), for what
/// the curl CLI cannot report: when each body chunk arrived.
final class LibcurlClient: TransportDelegate {
    private let scheduler = RealTimeScheduler()
    private let transport: CurlTransport
    private(set) var entries: [Timeline.Entry] = []

    /// A client that sends everything through `proxyURL` and trusts only `trustedPEM` for HTTPS.
    init(proxyURL: String, trustedPEM: String) throws {
        transport = try CurlTransport(executor: scheduler, configuration: CurlTransport.Configuration(
            proxy: .url(proxyURL, bypass: []), tls: .certificateAuthorityPEM(trustedPEM)))
    }

    /// GETs `url` to its terminal event (within 60 s) and returns its events.
    func get(_ url: String) throws -> [Timeline.Entry] {
        entries = []
        var fields = HTTPFields()
        fields[.userAgent] = "xhrtape-proxy-tests"
        _ = transport.start(ExchangeRequest(head: RequestHead(method: "GET", url: url, headerFields: fields), body: []),
                            delegate: self)
        guard scheduler.run(until: { self.entries.last?.event.isTerminal ?? false }, timeoutMicros: 60_000_000) else {
            throw POSIXError(.ETIMEDOUT)
        }
        return entries
    }

    func transportTask(_ task: any TransportTask, didReceive event: TimelineEvent, atOffsetMicros offsetMicros: Int64) {
        entries.append(Timeline.Entry(offsetMicros: offsetMicros, event: event))
    }

    deinit {
        transport.shutdown()
    }
}

@available(*, unavailable)
extension LibcurlClient: Sendable {}
