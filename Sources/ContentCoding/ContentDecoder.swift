/// A streaming decoder for one HTTP body in gzip, deflate or br.
///
/// Feed the body with ``decode(_:)`` as chunks arrive and end with ``finish()``. Like a browser,
/// each call returns every decoded byte that the input so far allows, not only at the end:
///
/// ```swift
/// let decoder = try ContentDecoder(.gzip, maximumOutputBytes: 64 << 20)
/// for try await chunk in body {
///     deliver(try decoder.decode(chunk))
/// }
/// deliver(try decoder.finish())
/// ```
///
/// What is accepted, per coding:
/// - **gzip**: one or more gzip members (RFC 1952 §2.2); bytes after a member that do not start
///   another member (`1f 8b`) are ``ContentCodingError/Code/trailingData``. Chromium differs: it
///   stops after the first member and silently drops the rest of the body.
/// - **deflate**: a zlib stream (RFC 1950) or, as browsers also accept, raw deflate data
///   (RFC 1951). The first two bytes decide: a valid zlib header (`CMF & 0x0F == 8` and
///   `(CMF * 256 + FLG) % 31 == 0`) means zlib, anything else raw deflate.
/// - **br**: one brotli stream (RFC 7932).
///
/// An empty body (no bytes at all) decodes to an empty body without error, as in Chromium, for
/// every coding. A non-empty body that stops before its stream ends is
/// ``ContentCodingError/Code/truncated`` at ``finish()``.
///
/// Memory stays proportional to the output: each library call writes at most 64 KiB, and
/// `maximumOutputBytes` stops decompression bombs early. After an error every later call throws
/// the same error. The decoder owns C streams and frees them when it is deinitialized; it is
/// not `Sendable`.
public final class ContentDecoder {
    /// The coding this decoder reads.
    public let coding: HTTPContentCoding
    /// The most decoded bytes this decoder produces before throwing
    /// ``ContentCodingError/Code/outputLimitExceeded``; `nil` for no limit.
    public let maximumOutputBytes: Int?

    /// Where the decoder is in the body.
    private enum Phase {
        /// Collecting the first two bytes of the next stream: for deflate, to tell zlib from raw
        /// deflate; for gzip, the magic bytes of the first or next member.
        case awaitingHeader([UInt8])
        /// Inside a stream; ``ContentDecoder/stream`` decodes the bytes.
        case inStream
        /// The stream ended; any further byte is trailing data. (gzip never gets here: after a
        /// member it waits for the next header.)
        case ended
    }

    private var phase: Phase
    private var stream: (any DecompressorStream)?
    /// Bytes passed to `decode` so far.
    private var receivedBytes = 0
    /// Compressed bytes handed to a library stream so far, that is the offset of the next byte to
    /// decode; used in error messages.
    private var inputOffset = 0
    private var outputBytes = 0
    private var gzipMembers = 0
    private var failure: ContentCodingError?
    private var isFinished = false

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - coding: The coding named by the response's `Content-Encoding`.
    ///   - maximumOutputBytes: The most decoded bytes to accept, or `nil` for no limit; must not be
    ///     negative. Set it for bodies from untrusted servers: a few KiB of gzip can expand to gigabytes.
    /// - Throws: ``ContentCodingError/Code/initializationFailed`` if the library cannot start a stream.
    public init(_ coding: HTTPContentCoding, maximumOutputBytes: Int? = nil) throws(ContentCodingError) {
        if let maximumOutputBytes {
            precondition(maximumOutputBytes >= 0, "maximumOutputBytes must not be negative, got \(maximumOutputBytes)")
        }
        self.coding = coding
        self.maximumOutputBytes = maximumOutputBytes
        switch coding {
        case .gzip, .deflate:
            self.phase = .awaitingHeader([])
        case .brotli:
            self.phase = .inStream
            self.stream = try BrotliDecoderStream()
        }
    }

    /// Decodes the next chunk of the body.
    ///
    /// - Parameter chunk: The next compressed bytes, in any size, including one byte or none.
    /// - Returns: Every decoded byte that the input so far allows and that earlier calls did not
    ///   return; empty when the chunk only completes part of a block.
    /// - Throws: ``ContentCodingError`` with code ``ContentCodingError/Code/corruptData``,
    ///   ``ContentCodingError/Code/trailingData``, ``ContentCodingError/Code/outputLimitExceeded``
    ///   or ``ContentCodingError/Code/libraryFailure``. The decoder is then failed: later calls
    ///   throw the same error.
    /// - Precondition: ``finish()`` has not been called.
    public func decode(_ chunk: some Collection<UInt8>) throws(ContentCodingError) -> [UInt8] {
        precondition(!isFinished, "ContentDecoder(\(coding.rawValue)).decode(_:) called after finish()")
        if let failure { throw failure }
        var output: [UInt8] = []
        do {
            try chunk.withContiguousBytes { bytes throws(ContentCodingError) in
                receivedBytes += bytes.count
                try consume(bytes, into: &output)
            }
        } catch {
            failure = error
            throw error
        }
        return output
    }

    /// Ends the body.
    ///
    /// - Returns: Any decoded bytes not yet returned. zlib and brotli emit output as soon as the
    ///   input allows, so today this is always empty; it is part of the API so that callers need
    ///   not rely on that.
    /// - Throws: ``ContentCodingError/Code/truncated`` if bytes were received but the compressed
    ///   stream (or the last gzip member) did not end; the error of an earlier failed call.
    /// - Precondition: ``finish()`` has not been called before.
    public func finish() throws(ContentCodingError) -> [UInt8] {
        precondition(!isFinished, "ContentDecoder(\(coding.rawValue)).finish() called twice")
        isFinished = true
        if let failure { throw failure }
        switch phase {
        case .ended:
            return []
        case .awaitingHeader(let header) where header.isEmpty && (receivedBytes == 0 || gzipMembers > 0):
            return []  // an empty body, or a gzip body that ended right after a member
        case .inStream where receivedBytes == 0:
            return []  // an empty br body
        case .awaitingHeader, .inStream:
            let error = ContentCodingError(code: .truncated, message: """
                The \(coding.rawValue) body ended after \(receivedBytes) compressed bytes, before the end of its \
                compressed stream (\(outputBytes) bytes decoded). The connection was probably closed early, \
                or Content-Length is smaller than the body; fetch the body again or check the server.
                """)
            failure = error
            throw error
        }
    }

    /// Decodes a whole body at once.
    ///
    /// - Parameters:
    ///   - input: The compressed body.
    ///   - coding: The coding named by `Content-Encoding`.
    ///   - maximumOutputBytes: The most decoded bytes to accept, or `nil` for no limit.
    /// - Returns: The decoded body.
    /// - Throws: ``ContentCodingError`` as ``decode(_:)`` and ``finish()`` do.
    public static func decode(
        _ input: some Collection<UInt8>, as coding: HTTPContentCoding, maximumOutputBytes: Int? = nil
    ) throws(ContentCodingError) -> [UInt8] {
        let decoder = try ContentDecoder(coding, maximumOutputBytes: maximumOutputBytes)
        return try decoder.decode(input) + decoder.finish()
    }

    private func consume(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(ContentCodingError) {
        var rest = input
        while !rest.isEmpty {
            switch phase {
            case .awaitingHeader(var header):
                let taken = min(2 - header.count, rest.count)
                header.append(contentsOf: rest.prefix(taken))
                rest = UnsafeBufferPointer(rebasing: rest.dropFirst(taken))
                if coding == .gzip && !Self.gzipMagic.starts(with: header) {
                    throw notAGzipMember(header)  // decided by the first wrong byte
                }
                guard header.count == 2 else {
                    phase = .awaitingHeader(header)
                    return
                }
                try startStream(header: header)
                let consumed = try header.withUnsafeBufferPointer { bytes throws(ContentCodingError) in
                    try decompress(bytes, into: &output)
                }
                if consumed < header.count {  // the stream ended within its first two bytes
                    throw trailingData(header[consumed...])
                }
            case .inStream:
                let consumed = try decompress(rest, into: &output)
                rest = UnsafeBufferPointer(rebasing: rest.dropFirst(consumed))
            case .ended:
                throw trailingData(rest)
            }
        }
    }

    /// The error for `bytes` that follow the end of a deflate or br stream.
    private func trailingData(_ bytes: some Collection<UInt8>) -> ContentCodingError {
        ContentCodingError(code: .trailingData, message: """
            Data follows the end of the \(coding.rawValue) stream, from compressed byte \(inputOffset) on \
            (first byte 0x\(bytes.first.map(hex) ?? ""), \(bytes.count) bytes in this chunk). The server sent extra \
            data after the compressed body; remove it on the server, or check that Content-Length matches the body.
            """)
    }

    /// The first two bytes of every gzip member (RFC 1952 §2.3.1: ID1, ID2).
    private static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    /// Starts the library stream for the next compressed stream, given its first two bytes.
    private func startStream(header: [UInt8]) throws(ContentCodingError) {
        switch coding {
        case .gzip:
            stream = try ZlibInflater(.gzip, for: coding)
        case .deflate:
            // RFC 1950 §2.2: CM (low nibble of CMF) is 8 and CMF * 256 + FLG is a multiple of 31.
            let isZlib = header[0] & 0x0F == 8 && (UInt16(header[0]) << 8 | UInt16(header[1])) % 31 == 0
            stream = try ZlibInflater(isZlib ? .zlib : .raw, for: coding)
        case .brotli:
            preconditionFailure("br has no header phase")
        }
        phase = .inStream
    }

    /// The error for bytes that cannot start a gzip member: corrupt data at the start of the body,
    /// trailing data after a member.
    private func notAGzipMember(_ header: [UInt8]) -> ContentCodingError {
        let bytes = header.map(hex).joined(separator: " ")
        if gzipMembers == 0 {
            return ContentCodingError(code: .corruptData, message: """
                The gzip body does not start with the gzip magic bytes 1f 8b but with \(bytes). The server \
                labelled a body that is not gzip as Content-Encoding: gzip; fix the server's Content-Encoding header.
                """)
        }
        return ContentCodingError(code: .trailingData, message: """
            Bytes follow gzip member \(gzipMembers) at compressed byte \(inputOffset) but do not start another \
            member (they start with \(bytes), not 1f 8b). The server sent extra data after the compressed body; \
            remove it on the server, or check that Content-Length matches the body.
            """)
    }

    /// Feeds `input` to the current stream and handles how it stopped.
    ///
    /// - Returns: The number of bytes of `input` consumed.
    private func decompress(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(ContentCodingError) -> Int {
        guard let stream else { preconditionFailure("ContentDecoder(\(coding.rawValue)) has no stream in \(phase)") }
        // Allow one byte more than the remaining budget, so that exceeding it is visible.
        let limit = maximumOutputBytes.map { min($0 - outputBytes, Int.max - 1) + 1 } ?? Int.max
        let before = output.count
        let step = stream.decompress(input, appendingTo: &output, limit: limit)
        outputBytes += output.count - before
        inputOffset += step.consumed
        if let maximumOutputBytes, outputBytes > maximumOutputBytes {
            throw ContentCodingError(code: .outputLimitExceeded, message: """
                The \(coding.rawValue) body decodes to more than maximumOutputBytes (\(maximumOutputBytes) bytes) \
                after \(inputOffset) compressed bytes. It may be a decompression bomb; if a body this large \
                is expected, raise maximumOutputBytes.
                """)
        }
        switch step.outcome {
        case .needsInput:
            break
        case .streamEnded:
            if coding == .gzip {
                gzipMembers += 1
                self.stream = nil
                phase = .awaitingHeader([])
            } else {
                phase = .ended
            }
        case .outputLimitReached:
            preconditionFailure("the stream stopped at limit \(limit) but the output limit was not exceeded")
        case .corrupt(let detail):
            throw ContentCodingError(code: .corruptData, message: """
                The \(coding.rawValue) body is corrupt near compressed byte \(inputOffset): \(detail). \
                It was damaged in transit or is not \(coding.rawValue) data; check the server's \
                Content-Encoding header and that no proxy rewrote the body.
                """)
        case .libraryFailure(let detail):
            throw ContentCodingError(code: .libraryFailure, message: """
                The \(coding.rawValue) decoder failed near compressed byte \(inputOffset): \(detail). \
                This points to memory exhaustion or a bug in ContentDecoder; retry, and report it with \
                the body if it persists.
                """)
        }
        return step.consumed
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}

@available(*, unavailable)
extension ContentDecoder: Sendable {}
