package import TapeCore

/// Turns libcurl's upload counters into `requestBodySent` and `requestEnd` events.
///
/// Sans-IO. libcurl reports cumulative bytes written to the connection through
/// `CURLOPT_XFERINFOFUNCTION` (`ulnow`); each increase becomes one `requestBodySent`
/// event with the difference. For a body of known length that count is exact. For a
/// chunked body libcurl also counts its chunk framing, so the count reported is capped
/// at the body bytes handed over by the read callback; the total is exact at
/// `requestEnd`.
///
/// `requestEnd` comes when the whole body has been written: `ulnow` reached the
/// declared length, or, for a chunked body, `ulnow` grew after the source reported its
/// end (the terminating chunk went out). A request without a body ends when libcurl is
/// about to send it on its connection (`CURLOPT_PREREQFUNCTION`): the head goes out
/// in the same call, microseconds later.
package struct UploadProgress: Sendable {
    /// The body's length, or nil when it is sent chunked.
    package let declaredLength: Int64?
    /// True when the request carries a body (a declared length of zero counts as none).
    package let hasBody: Bool
    /// Body bytes the source has handed to libcurl so far.
    package private(set) var bytesRead: Int64 = 0
    /// Body bytes reported in `requestBodySent` events so far.
    package private(set) var bytesReported: Int64 = 0
    /// True once `requestEnd` has been produced.
    package private(set) var isEnded = false
    private var uploadedAtSourceEnd: Int64?

    /// Creates a tracker for a request whose body has `declaredLength` bytes (nil:
    /// unknown, sent chunked), or no body when `hasBody` is false.
    package init(hasBody: Bool, declaredLength: Int64?) {
        self.hasBody = hasBody && declaredLength != 0
        self.declaredLength = declaredLength
    }

    /// libcurl is about to send the request: a request without a body ends here.
    package mutating func requestWillBeSent() -> [TimelineEvent] {
        guard !hasBody, !isEnded else { return [] }
        isEnded = true
        return [.requestEnd]
    }

    /// The read callback handed `count` more body bytes to libcurl.
    package mutating func didRead(_ count: Int) {
        bytesRead += Int64(count)
    }

    /// The source reported its end while libcurl had written `uploaded` bytes.
    package mutating func didReachSourceEnd(uploaded: Int64) {
        uploadedAtSourceEnd = uploaded
    }

    /// libcurl rewound the body to resend it (a reused connection died before the
    /// response): bytes already reported stay reported, and new ones count only once
    /// the resend passes them.
    package mutating func didRewind() {
        bytesRead = 0
        uploadedAtSourceEnd = nil
    }

    /// libcurl's cumulative upload counter is now `uploaded`.
    package mutating func progress(uploaded: Int64) -> [TimelineEvent] {
        guard hasBody, !isEnded else { return [] }
        var events: [TimelineEvent] = []
        let sent = min(uploaded, bytesRead)
        if sent > bytesReported {
            events.append(.requestBodySent(byteCount: Int(sent - bytesReported)))
            bytesReported = sent
        }
        let complete: Bool
        if let declaredLength {
            complete = bytesRead >= declaredLength && uploaded >= declaredLength
        } else if let atEnd = uploadedAtSourceEnd {
            complete = uploaded > atEnd  // the terminating chunk went out
        } else {
            complete = false
        }
        if complete { events += end() }
        return events
    }

    /// The transfer succeeded: if the whole body was handed over, it was sent.
    package mutating func transferSucceeded(uploaded: Int64) -> [TimelineEvent] {
        var events = progress(uploaded: uploaded)
        guard hasBody, !isEnded else { return events }
        let wholeBodyRead = declaredLength.map { bytesRead >= $0 } ?? (uploadedAtSourceEnd != nil)
        if wholeBodyRead { events += end() }
        return events
    }

    private mutating func end() -> [TimelineEvent] {
        isEnded = true
        var events: [TimelineEvent] = []
        if bytesRead > bytesReported {
            events.append(.requestBodySent(byteCount: Int(bytesRead - bytesReported)))
            bytesReported = bytesRead
        }
        events.append(.requestEnd)
        return events
    }
}
