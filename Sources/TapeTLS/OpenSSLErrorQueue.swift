import COpenSSL

/// OpenSSL's thread-local error queue, read into text for ``TLSError`` messages.
enum OpenSSLErrorQueue {
    /// Discards stale entries, so that a later ``drain()`` reports only the current operation.
    static func clear() {
        ERR_clear_error()
    }

    /// Removes every entry from the queue and returns them joined by "; ", oldest first,
    /// or `nil` if the queue was empty.
    static func drain() -> String? {
        var entries: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            let text = buffer.withUnsafeMutableBufferPointer { pointer -> String in
                ERR_error_string_n(code, pointer.baseAddress, pointer.count)
                return String(cString: pointer.baseAddress!)
            }
            entries.append(text)
        }
        return entries.isEmpty ? nil : entries.joined(separator: "; ")
    }
}
