extension XMLHttpRequest {
    /// Sets the request's method and URL and moves to `opened` (open() steps).
    ///
    /// - Parameters:
    ///   - method: a token; GET, POST, PUT, DELETE, HEAD and OPTIONS are uppercased.
    ///   - url: absolute, or relative to ``baseURL``.
    ///   - async: false for a synchronous request, which ``send(_:)`` runs to the end.
    ///     This host is not a Window, so a synchronous request may have a ``timeout`` and a
    ///     ``responseType`` (open() step 7 applies to Windows only).
    /// - Throws: `SyntaxError` for a bad method or URL, `SecurityError` for CONNECT, TRACE, TRACK.
    public func open(_ method: String, _ url: String, async: Bool = true) throws(DOMException) {
        let normalized: String
        let parsedURL: String
        do {
            normalized = try HTTPMethodRules.validatedForOpen(method)            // steps 2–4
            parsedURL = try URLResolver.resolvedForOpen(url, against: baseURL)   // steps 5–6
        } catch {
            throw DOMException(error)
        }
        open(validatedMethod: normalized, url: parsedURL, async: async)
    }

    /// open(method, url, async, username, password): as ``open(_:_:async:)``, then step 8 sets
    /// the URL's username and password when the URL has a host ("set the username/password",
    /// URL Standard), which needs no same-origin check.
    ///
    /// - Throws: as ``open(_:_:async:)``.
    public func open(_ method: String, _ url: String, async: Bool, username: String?, password: String? = nil) throws(DOMException) {
        let normalized: String
        var parsedURL: String
        do {
            normalized = try HTTPMethodRules.validatedForOpen(method)
            parsedURL = try URLResolver.resolvedForOpen(url, against: baseURL)
        } catch {
            throw DOMException(error)
        }
        // Step 8: "If parsedURL's host is non-null", set the username and password given.
        if var record = URLResolver.parse(parsedURL, base: nil), record.host != nil, username != nil || password != nil {
            if let username { record.username = URLPercentEncodeSet.userinfo.encode(username) }
            if let password { record.password = URLPercentEncodeSet.userinfo.encode(password) }
            parsedURL = record.serialized()
        }
        open(validatedMethod: normalized, url: parsedURL, async: async)
    }

    private func open(validatedMethod normalized: String, url parsedURL: String, async: Bool) {
        // Step 11 (the machine terminates the fetch first, step 10).
        requestMethod = normalized
        requestURL = parsedURL
        requestHeaders = RequestHeaderList()
        synchronousFlag = !async
        run(.open(synchronous: !async))
    }

    /// Adds a request header, combining with an earlier one of the same name
    /// (setRequestHeader() steps). Forbidden headers (Host, Cookie, Sec-…) are ignored.
    ///
    /// - Throws: `InvalidStateError` unless opened and not sending; `SyntaxError` for an
    ///   invalid name or value; `TypeError` for characters above U+00FF.
    public func setRequestHeader(_ name: String, _ value: String) throws(DOMException) {
        guard readyState == .opened else {
            throw DOMException(.invalidStateError, "setRequestHeader() needs the OPENED state; it is \(readyState). Call open() first.")
        }
        guard !machine.sendFlag else {
            throw DOMException(.invalidStateError, "setRequestHeader() cannot be called after send().")
        }
        let header: (name: String, value: String)?
        do {
            header = try HeaderRules.validatedForSetRequestHeader(name: name, value: value)
        } catch {
            throw DOMException(error)
        }
        if let header { requestHeaders.combine(name: header.name, value: header.value) }
    }

    /// Sends the request (send() steps). Asynchronous requests return at once and
    /// report through events; synchronous ones run the scheduler until done.
    ///
    /// - Parameter body: ignored for GET and HEAD.
    /// - Throws: `InvalidStateError` unless opened and not already sending; for
    ///   synchronous requests also `NetworkError`, `TimeoutError` or `AbortError`.
    public func send(_ body: XHRRequestBody? = nil) throws(DOMException) {
        guard readyState == .opened else {
            throw DOMException(.invalidStateError, "send() needs the OPENED state; it is \(readyState). Call open() first.")
        }
        guard !machine.sendFlag else {
            throw DOMException(.invalidStateError, "send() was already called for this request; call open() again to reuse the object.")
        }
        // Step 3: GET and HEAD have no body.
        let effectiveBody = requestMethod == "GET" || requestMethod == "HEAD" ? nil : body
        var extracted: [UInt8]?
        if let effectiveBody {
            // Step 4: extract, then set or rewrite Content-Type.
            let (bytes, type) = effectiveBody.extract(boundaries: &boundaries)
            extracted = bytes
            if let contentType = effectiveBody.contentTypeForSend(
                authorContentType: requestHeaders.get("Content-Type"), extractedContentType: type) {
                requestHeaders.set(name: "Content-Type", value: contentType)
            }
        }
        try send(extractedBody: extracted)
    }

    /// Sends a string body (`text/plain;charset=UTF-8` unless a Content-Type was set).
    public func send(_ text: String) throws(DOMException) {
        try send(.string(text))
    }

    /// Sends raw bytes (no default Content-Type).
    public func send(_ bytes: [UInt8]) throws(DOMException) {
        try send(.bytes(bytes))
    }
}
