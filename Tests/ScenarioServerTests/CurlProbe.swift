import CCurl
import Foundation

/// A libcurl easy-handle client for the scenario server tests: it records the raw
/// header lines and every body write with its arrival time, so tests can check bytes,
/// framing, reason phrases and pacing as a real client sees them.
struct CurlProbe {
    struct Options {
        var method: String?
        var headers: [String] = []
        var body: [UInt8]?
        var caFile: String?
        /// Keep chunked framing in the body instead of decoding it.
        var rawTransfer = false
        var followRedirects = false
        var maxRedirects = 20
        var headOnly = false
        var timeoutMillis = 20_000
    }

    struct Result {
        var code: CURLcode
        var status: Int
        var redirectCount: Int
        /// Header lines without CRLF, status lines included (one per response when following).
        var headerLines: [String]
        /// Microseconds from the start of the transfer to each header line.
        var headerOffsets: [Int64]
        /// Each body write: microseconds since the start, and the bytes.
        var writes: [(offsetMicros: Int64, bytes: [UInt8])]
        var uploadedBytes: Int64

        var body: [UInt8] { writes.flatMap(\.bytes) }
        var succeeded: Bool { code == CURLE_OK }

        /// Every value of header `name` (case-insensitive) in the last response, in order.
        func values(_ name: String) -> [String] {
            let lastStatus = headerLines.lastIndex { $0.hasPrefix("HTTP/") } ?? 0
            return headerLines[lastStatus...].compactMap { line in
                guard let colon = line.firstIndex(of: ":"),
                      line[..<colon].lowercased() == name.lowercased() else { return nil }
                return String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// Performs one transfer on a thread of its own (libcurl blocks).
    static func fetch(_ url: String, _ options: Options = Options()) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: perform(url, options))
            }
        }
    }

    private final class Recorder {
        let start = ContinuousClock.now
        var headerLines: [String] = []
        var headerOffsets: [Int64] = []
        var writes: [(offsetMicros: Int64, bytes: [UInt8])] = []
        var upload: [UInt8] = []
        var uploadOffset = 0

        var elapsedMicros: Int64 {
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        }
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private static func perform(_ url: String, _ options: Options) -> Result {
        _ = globalInit
        let handle = curl_easy_init()!
        defer { curl_easy_cleanup(handle) }
        let recorder = Recorder()
        let box = Unmanaged.passRetained(recorder)
        defer { box.release() }

        ccurl_easy_setopt_string(handle, CURLOPT_URL, url)
        ccurl_easy_setopt_string(handle, CURLOPT_NOPROXY, "*")
        ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, options.timeoutMillis)
        ccurl_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, box.toOpaque())
        ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, box.toOpaque())
        ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let recorder = Unmanaged<Recorder>.fromOpaque(context!).takeUnretainedValue()
            let bytes = Array(UnsafeRawBufferPointer(start: data, count: size * count))
            recorder.writes.append((recorder.elapsedMicros, bytes))
            return size * count
        }
        ccurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let recorder = Unmanaged<Recorder>.fromOpaque(context!).takeUnretainedValue()
            var line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
            if line.hasSuffix("\r\n") { line.removeLast(1) }  // "\r\n" is one Character
            if !line.isEmpty {
                recorder.headerLines.append(line)
                recorder.headerOffsets.append(recorder.elapsedMicros)
            }
            return size * count
        }
        if options.rawTransfer { ccurl_easy_setopt_long(handle, CURLOPT_HTTP_TRANSFER_DECODING, 0) }
        if options.followRedirects {
            ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
            ccurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects)
        }
        if options.headOnly { ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1) }
        if let method = options.method { ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method) }
        if let caFile = options.caFile { ccurl_easy_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        if let body = options.body {
            recorder.upload = body
            ccurl_easy_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            ccurl_easy_setopt_pointer(handle, CURLOPT_READDATA, box.toOpaque())
            ccurl_easy_setopt_read_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                let recorder = Unmanaged<Recorder>.fromOpaque(context!).takeUnretainedValue()
                let length = min(size * count, recorder.upload.count - recorder.uploadOffset)
                recorder.upload.withUnsafeBytes { source in
                    UnsafeMutableRawPointer(buffer!).copyMemory(from: source.baseAddress! + recorder.uploadOffset, byteCount: length)
                }
                recorder.uploadOffset += length
                return length
            }
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in options.headers { list = curl_slist_append(list, header) }
        if options.body != nil { list = curl_slist_append(list, "Expect:") }
        defer { curl_slist_free_all(list) }
        ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)

        let code = curl_easy_perform(handle)
        var status = 0
        var redirects = 0
        var uploaded: curl_off_t = 0
        ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        ccurl_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        ccurl_easy_getinfo_off_t(handle, CURLINFO_SIZE_UPLOAD_T, &uploaded)
        return Result(code: code, status: status, redirectCount: redirects, headerLines: recorder.headerLines,
                      headerOffsets: recorder.headerOffsets, writes: recorder.writes, uploadedBytes: Int64(uploaded))
    }
}
