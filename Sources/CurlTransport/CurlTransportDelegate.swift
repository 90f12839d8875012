public import TapeCore

/// A `TransportDelegate` that also wants libcurl's measurements of each exchange.
///
/// Conforming is optional: a plain `TransportDelegate` (the XHR) works unchanged.
public protocol CurlTransportDelegate: TransportDelegate {
    /// The transfer ended with these `metrics`. Called on the executor right before the
    /// terminal event (`responseEnd` or `failure`), so a recorder can store them with
    /// the timeline it is about to commit. Not called for a cancelled task.
    func transportTask(_ task: CurlTransportTask, didCollect metrics: CurlTransferMetrics)
}
