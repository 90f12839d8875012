/// How many bytes the request head being read has taken so far, shared by
/// ``RequestHeadGuardHandler`` (before the HTTP decoder, counting bytes) and
/// ``RequestHeadObserverHandler`` (after it, seeing where heads end). Loop-bound.
final class RequestHeadBudget {
    /// The most bytes a head may take before the connection is refused; a read that
    /// finishes one request and starts the next may be counted whole, so the guard
    /// trips at `limit + slack`, and exact sizes are checked on the decoded head.
    let limit: Int
    /// True between a request's end and the next head.
    var awaitingHead = true
    /// Bytes counted towards the current head.
    var used = 0

    init(limit: Int) {
        self.limit = limit
    }
}

@available(*, unavailable, message: "A RequestHeadBudget belongs to its channel's event loop")
extension RequestHeadBudget: Sendable {}
