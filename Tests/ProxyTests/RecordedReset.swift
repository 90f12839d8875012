import Cassette
import TapeCore
import Testing

/// Expects the cassette's first exchange to be a failure recorded as a connection reset
/// after `bodyBytes` response body bytes.
func expectRecordedReset(in cassette: Cassette, afterBodyBytes bodyBytes: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let summary = try #require(try cassette.exchanges().first, sourceLocation: sourceLocation)
    guard case .failed(let failure) = summary.outcome else {
        Issue.record("expected a failed exchange, got \(summary.outcome)", sourceLocation: sourceLocation)
        return
    }
    #expect(failure.code == .connectionReset, sourceLocation: sourceLocation)
    #expect(summary.responseBodyLength == bodyBytes, sourceLocation: sourceLocation)
}
