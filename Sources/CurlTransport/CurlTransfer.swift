import CCurl
import Glibc
import TapeCore

/// One exchange inside libcurl: the easy handle, its callbacks, and the state that turns
/// what libcurl reports into timeline events for a ``CurlTransportTask``.
///
/// Everything here runs on the driver thread once the transfer is added, and libcurl's
/// callbacks reach it through an unretained pointer (the driver's table keeps it alive
/// while the handle is in the multi handle). The callbacks never call back into
/// libcurl's multi interface; commands arrive between `curl_multi_perform` calls.
final class CurlTransfer: @unchecked Sendable {
    // @unchecked: built on the thread that calls `start`, then handed to the driver thread
    // through its inbox (a mutex) and touched only there.

    /// The easy handle (`CURL *`); dangling after ``cleanup()``, used then only as a key.
    let easy: UnsafeMutableRawPointer
    /// The consumer-facing task the events go to.
    let task: CurlTransportTask

    private let startedAt: ContinuousClock.Instant
    private var addedAt: ContinuousClock.Instant?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var parser = ResponseHeadParser()
    private var upload: UploadProgress
    private let bodySource: (any RequestBodySource)?
    /// A failure found by a callback, which libcurl then reports only as a generic
    /// `WRITE_ERROR` or `ABORTED_BY_CALLBACK`.
    private var callbackFailure: TransportFailure?
    private var lastOffset: Int64 = 0
    private var isCleanedUp = false
    /// libcurl's receive buffer: the most one socket read hands the write callback.
    private let receiveBufferSize: Int
    /// Response body bytes still to come by the head's `Content-Length`; nil when it gave none.
    private var bodyBytesExpected: Int64?
    /// True while the write callback's last answer was `CURL_WRITEFUNC_PAUSE`.
    private(set) var isReceivePaused = false
    /// True while the read callback's last answer was `CURL_READFUNC_PAUSE`.
    private(set) var isSendPaused = false

    /// Creates the easy handle and sets every option for `request`.
    ///
    /// - Throws: `TransportFailure` (`protocolError`) when libcurl has no handle or
    ///   rejects an option.
    init(request: ExchangeRequest, bodySource: sending (any RequestBodySource)?, configuration: CurlTransport.Configuration,
         task: CurlTransportTask, startedAt: ContinuousClock.Instant) throws(TransportFailure) {
        guard CurlGlobal.initialization == CURLE_OK, let easy = curl_easy_init() else {
            throw TransportFailure(.protocolError, message: "libcurl could not create a transfer handle (out of memory, or curl_global_init failed); the exchange was not started.")
        }
        self.easy = easy
        self.task = task
        self.startedAt = startedAt
        self.receiveBufferSize = configuration.receiveBufferSize
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        let source: (any RequestBodySource)? = bodySource ?? (request.body.isEmpty ? nil : BytesBodySource(request.body))
        self.bodySource = source
        let method = request.head.method
        let sendsBody = source != nil || method == "POST" || method == "PUT"
        self.upload = UploadProgress(hasBody: source != nil, declaredLength: source == nil ? 0 : source?.length)
        do {
            try configure(request: request, method: method, sendsBody: sendsBody, configuration: configuration)
        } catch {
            cleanup()
            throw error
        }
    }

    deinit {
        cleanup()
        errorBuffer.deallocate()
    }

    // MARK: Options

    private func configure(request: ExchangeRequest, method: String, sendsBody: Bool, configuration: CurlTransport.Configuration) throws(TransportFailure) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try set(CURLOPT_URL, request.head.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PATH_AS_IS, 1)               // send the path exactly as given
        try set(CURLOPT_FOLLOWLOCATION, 0)           // the XHR's fetch layer follows redirects
        try set(CURLOPT_HTTP_CONTENT_DECODING, 0)    // gzip stays gzip; ACCEPT_ENCODING is never set
        try set(CURLOPT_HTTP_TRANSFER_DECODING, 1)   // but chunked framing is removed
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1) // a proxy's CONNECT reply is not the response
        try set(CURLOPT_BUFFERSIZE, configuration.receiveBufferSize)

        switch request.head.version.major {
        case 2...:
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
            try set(CURLOPT_PIPEWAIT, 1)
        default:
            try set(CURLOPT_HTTP_VERSION, Int(request.head.version == .http1_0 ? CURL_HTTP_VERSION_1_0 : CURL_HTTP_VERSION_1_1))
        }

        // Method and body.
        try check(ccurl_easy_setopt_read_callback(easy, CURLOPT_READFUNCTION) { buffer, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.sendBody(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
        }, "CURLOPT_READFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_READDATA, me), "CURLOPT_READDATA")
        try check(ccurl_easy_setopt_seek_callback(easy, CURLOPT_SEEKFUNCTION) { userdata, offset, origin in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.rewindBody(offset: offset, origin: origin)
        }, "CURLOPT_SEEKFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_SEEKDATA, me), "CURLOPT_SEEKDATA")
        if method == "HEAD" {
            try set(CURLOPT_NOBODY, 1)
        } else if sendsBody {
            try set(CURLOPT_POST, 1)
            let length: Int64 = bodySource == nil ? 0 : bodySource?.length ?? -1
            try check(ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(length)), "CURLOPT_POSTFIELDSIZE_LARGE")
            if method != "POST" { try set(CURLOPT_CUSTOMREQUEST, method) }
        } else {
            try set(CURLOPT_HTTPGET, 1)
            if method != "GET" { try set(CURLOPT_CUSTOMREQUEST, method) }
        }

        // Header fields, in order and case.
        for line in CurlRequestHeaders.lines(for: request, sendsBody: sendsBody, bodyLength: bodySource == nil ? 0 : bodySource?.length) {
            guard let appended = curl_slist_append(headerList, line) else {
                throw TransportFailure(.protocolError, message: "libcurl could not store the request header line '\(line)' (out of memory).")
            }
            headerList = appended
        }
        try check(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")

        // Callbacks that build the timeline.
        try check(ccurl_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION) { buffer, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
        }, "CURLOPT_HEADERFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me), "CURLOPT_HEADERDATA")
        try check(ccurl_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { buffer, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
        }, "CURLOPT_WRITEFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me), "CURLOPT_WRITEDATA")
        try set(CURLOPT_NOPROGRESS, 0)
        try check(ccurl_easy_setopt_xferinfo_callback(easy, CURLOPT_XFERINFOFUNCTION) { userdata, _, _, _, uploaded in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.progress(uploaded: Int64(uploaded))
        }, "CURLOPT_XFERINFOFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, me), "CURLOPT_XFERINFODATA")
        try check(ccurl_easy_setopt_prereq_callback(easy, CURLOPT_PREREQFUNCTION) { userdata, _, _, _, _ in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.requestWillBeSent()
        }, "CURLOPT_PREREQFUNCTION")
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_PREREQDATA, me), "CURLOPT_PREREQDATA")

        // Proxy.
        switch configuration.proxy {
        case .direct:
            try set(CURLOPT_PROXY, "")
            try set(CURLOPT_NOPROXY, "*")
        case .environment:
            break
        case .url(let url, let bypass):
            try set(CURLOPT_PROXY, url)
            try set(CURLOPT_NOPROXY, bypass.joined(separator: ","))
        }

        // TLS.
        switch configuration.tls {
        case .insecureNoVerification:
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        case .system, .certificateAuthorityFile, .certificateAuthorityPEM:
            try set(CURLOPT_SSL_VERIFYPEER, 1)
            try set(CURLOPT_SSL_VERIFYHOST, 2)
        }
        switch configuration.tls {
        case .certificateAuthorityFile(let path):
            try set(CURLOPT_CAINFO, path)
            try check(ccurl_easy_setopt_string(easy, CURLOPT_CAPATH, nil), "CURLOPT_CAPATH")
        case .certificateAuthorityPEM(let pem):
            var bytes = Array(pem.utf8)
            let code = bytes.withUnsafeMutableBytes { raw in
                var blob = curl_blob(data: raw.baseAddress, len: raw.count, flags: UInt32(CURL_BLOB_COPY))
                return ccurl_easy_setopt_blob(easy, CURLOPT_CAINFO_BLOB, &blob)
            }
            try check(code, "CURLOPT_CAINFO_BLOB")
            try check(ccurl_easy_setopt_string(easy, CURLOPT_CAPATH, nil), "CURLOPT_CAPATH")
        case .system, .insecureNoVerification:
            break
        }

        // Timeouts.
        if let timeout = configuration.connectTimeout {
            try set(CURLOPT_CONNECTTIMEOUT_MS, Int(max(1, timeout.wholeMilliseconds)))
        }
        if let timeout = configuration.totalTimeout {
            try set(CURLOPT_TIMEOUT_MS, Int(max(1, timeout.wholeMilliseconds)))
        }
    }

    private func set(_ option: CURLoption, _ value: Int) throws(TransportFailure) {
        try check(ccurl_easy_setopt_long(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportFailure) {
        try check(ccurl_easy_setopt_string(easy, option, value), "option \(option.rawValue)")
    }

    /// `what` is built only when libcurl refused: a transfer sets some thirty options.
    private func check(_ code: CURLcode, _ what: @autoclosure () -> String) throws(TransportFailure) {
        guard code != CURLE_OK else { return }
        throw TransportFailure(.protocolError, message: "libcurl \(CurlGlobal.versionText) rejected \(what()): \(String(cString: curl_easy_strerror(code))). The exchange was not started.")
    }

    // MARK: Callbacks (driver thread, inside curl_multi_perform or curl_easy_pause)

    private func receiveHeaderLine(_ line: UnsafeRawBufferPointer) -> Int {
        do {
            switch try parser.consume(line) {
            case .none, .interimHead:
                break
            case .finalHead(let head):
                // The server answered, so whatever body it waited for has gone out: report
                // the upload's end before the head.
                emit(upload.progress(uploaded: info(CURLINFO_SIZE_UPLOAD_T)))
                emit([.responseHead(head)])
                let length: Int64 = info(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T)
                bodyBytesExpected = length >= 0 ? length : nil
            }
            return line.count
        } catch {
            callbackFailure = error
            return 0
        }
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard !bytes.isEmpty else { return 0 }
        guard parser.isHeadComplete else {
            callbackFailure = TransportFailure(.protocolError, message: "libcurl delivered response body bytes before a complete response head; the server's reply is not valid HTTP.")
            return 0
        }
        switch task.offerBody(bytes.count) {
        case .pause:
            isReceivePaused = true
            return Int(CURL_WRITEFUNC_PAUSE)
        case .accept:
            task.enqueueBody(bytes, offsetMicros: nextOffset(), readCapacity: readCapacity(startingWith: bytes.count))
            if let expected = bodyBytesExpected { bodyBytesExpected = max(0, expected - Int64(bytes.count)) }
            return bytes.count
        }
    }

    /// The most body bytes the socket read that `firstPiece` starts can hand over: the rest of
    /// the `Content-Length`, up to the receive buffer; without a length, the buffer when the
    /// piece is a whole 16 KiB one (`CURL_MAX_WRITE_SIZE`: more of the read may follow), else the
    /// piece. (`CurlTransportTask` never reserves less than the piece itself.)
    private func readCapacity(startingWith firstPiece: Int) -> Int {
        if let expected = bodyBytesExpected {
            return Int(min(expected, Int64(receiveBufferSize)))
        }
        return firstPiece >= Int(CURL_MAX_WRITE_SIZE) ? receiveBufferSize : firstPiece
    }

    private func sendBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let bodySource else { return 0 }
        do {
            switch try bodySource.read(into: buffer) {
            case .bytes(let count) where count > 0 && count <= buffer.count:
                upload.didRead(count)
                return count
            case .bytes(let count):
                callbackFailure = TransportFailure(.aborted, message: "The request body source returned \(count) bytes for a buffer of \(buffer.count); a read must return between 1 and the buffer's size, .end or .wouldBlock.")
                return Int(CURL_READFUNC_ABORT)
            case .end:
                upload.didReachSourceEnd(uploaded: info(CURLINFO_SIZE_UPLOAD_T))
                return 0
            case .wouldBlock:
                isSendPaused = true
                return Int(CURL_READFUNC_PAUSE)
            }
        } catch {
            callbackFailure = TransportFailure(.aborted, message: "The request body source failed after \(upload.bytesRead) bytes: \(error)")
            return Int(CURL_READFUNC_ABORT)
        }
    }

    private func rewindBody(offset: curl_off_t, origin: Int32) -> Int32 {
        guard offset == 0, origin == SEEK_SET, let bodySource, bodySource.rewind() else {
            return CURL_SEEKFUNC_CANTSEEK
        }
        upload.didRewind()
        return CURL_SEEKFUNC_OK
    }

    private func progress(uploaded: Int64) -> Int32 {
        emit(upload.progress(uploaded: uploaded))
        return 0
    }

    private func requestWillBeSent() -> Int32 {
        emit(upload.requestWillBeSent())
        return CURL_PREREQFUNC_OK
    }

    // MARK: Control (driver thread, between curl_multi_perform calls)

    /// The driver added the handle to the multi handle: libcurl's clock starts now.
    func markAdded() {
        addedAt = .now
    }

    /// Resumes receiving after acknowledgements made room. libcurl may deliver the chunk
    /// it kept from inside this call, and that chunk may pause the transfer again.
    func resumeReceive() -> CURLcode {
        guard isReceivePaused else { return CURLE_OK }
        isReceivePaused = false
        return curl_easy_pause(easy, pauseMask)
    }

    /// Resumes sending after the body source said it has bytes again.
    func resumeSend() -> CURLcode {
        guard isSendPaused else { return CURLE_OK }
        isSendPaused = false
        return curl_easy_pause(easy, pauseMask)
    }

    private var pauseMask: Int32 {
        (isReceivePaused ? CURLPAUSE_RECV : 0) | (isSendPaused ? CURLPAUSE_SEND : 0)
    }

    /// libcurl finished the transfer with `result`: sends the remaining events and the
    /// terminal one (with the metrics) to the task.
    func complete(result: CURLcode) {
        var events: [TimelineEvent]
        if result == CURLE_OK, parser.isHeadComplete {
            events = upload.transferSucceeded(uploaded: info(CURLINFO_SIZE_UPLOAD_T))
            events.append(.responseEnd(trailers: parser.trailers))
        } else {
            events = upload.progress(uploaded: info(CURLINFO_SIZE_UPLOAD_T))
            let failure: TransportFailure
            if let callbackFailure {
                failure = callbackFailure
            } else if result == CURLE_OK {
                failure = TransportFailure(.protocolError, message: "libcurl finished the transfer without a final response head; the server's reply is not valid HTTP.")
            } else {
                let detail = String(cString: errorBuffer)
                failure = .curl(result.rawValue, detail: detail, osErrno: Int(info(CURLINFO_OS_ERRNO) as Int))
            }
            events.append(.failure(failure))
        }
        let terminal = events.removeLast()
        emit(events)
        task.finish(with: terminal, offsetMicros: nextOffset(), metrics: collectMetrics())
    }

    /// Ends the transfer with `failure` without libcurl having finished it (shutdown,
    /// or the multi handle refused it).
    func abort(_ failure: TransportFailure) {
        task.finish(with: .failure(failure), offsetMicros: nextOffset(), metrics: collectMetrics())
    }

    /// The task was cancelled and the handle is about to be removed: keep the metrics.
    func recordCancellation() {
        task.recordCancellation(metrics: collectMetrics())
    }

    /// Frees the easy handle and the header list; nothing is called back afterwards.
    func cleanup() {
        guard !isCleanedUp else { return }
        isCleanedUp = true
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        headerList = nil
    }

    // MARK: Events and measurements

    private func emit(_ events: [TimelineEvent]) {
        guard !events.isEmpty else { return }
        let offset = nextOffset()
        for event in events {
            task.enqueue(event, offsetMicros: offset)
        }
    }

    /// Microseconds since `start`, on the monotonic clock, never less than the last one.
    private func nextOffset() -> Int64 {
        lastOffset = max(lastOffset, (ContinuousClock.now - startedAt).wholeMicroseconds)
        return lastOffset
    }

    private func collectMetrics() -> CurlTransferMetrics {
        var metrics = CurlTransferMetrics()
        guard !isCleanedUp else { return metrics }
        metrics.queuedMicros = addedAt.map { ($0 - startedAt).wholeMicroseconds } ?? 0
        metrics.nameLookupMicros = info(CURLINFO_NAMELOOKUP_TIME_T)
        metrics.connectMicros = info(CURLINFO_CONNECT_TIME_T)
        metrics.tlsHandshakeMicros = info(CURLINFO_APPCONNECT_TIME_T)
        metrics.preTransferMicros = info(CURLINFO_PRETRANSFER_TIME_T)
        metrics.firstByteMicros = info(CURLINFO_STARTTRANSFER_TIME_T)
        metrics.totalMicros = info(CURLINFO_TOTAL_TIME_T)
        metrics.newConnectionCount = info(CURLINFO_NUM_CONNECTS)
        metrics.uploadedBytes = info(CURLINFO_SIZE_UPLOAD_T)
        metrics.downloadedBytes = info(CURLINFO_SIZE_DOWNLOAD_T)
        var address: UnsafeMutablePointer<CChar>?
        if ccurl_easy_getinfo_string(easy, CURLINFO_PRIMARY_IP, &address) == CURLE_OK, let address, address.pointee != 0 {
            metrics.remoteAddress = String(cString: address)
            metrics.remotePort = info(CURLINFO_PRIMARY_PORT)
            metrics.localPort = info(CURLINFO_LOCAL_PORT)
        }
        switch info(CURLINFO_HTTP_VERSION) as Int {
        case Int(CURL_HTTP_VERSION_1_0): metrics.httpVersion = .http1_0
        case Int(CURL_HTTP_VERSION_1_1): metrics.httpVersion = .http1_1
        case Int(CURL_HTTP_VERSION_2_0): metrics.httpVersion = .http2
        case Int(CURL_HTTP_VERSION_3): metrics.httpVersion = HTTPVersion(major: 3, minor: 0)
        default: metrics.httpVersion = nil
        }
        return metrics
    }

    private func info(_ key: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return ccurl_easy_getinfo_off_t(easy, key, &value) == CURLE_OK ? Int64(value) : 0
    }

    private func info(_ key: CURLINFO) -> Int {
        var value = 0
        return ccurl_easy_getinfo_long(easy, key, &value) == CURLE_OK ? value : 0
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded toward zero.
    fileprivate var wholeMilliseconds: Int64 {
        wholeMicroseconds / 1_000
    }
}
