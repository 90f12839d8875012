import Glibc

/// A request body read from a file as it is sent, never loaded whole.
///
/// The length is measured when the source is created; the file must not change size
/// while it is sent.
public final class FileBodySource: RequestBodySource {
    private let descriptor: Int32
    /// The path the body is read from.
    public let path: String
    public let length: Int64?

    /// Opens `path` for reading.
    ///
    /// - Throws: ``CurlTransportError`` with code ``CurlTransportError/Code/unreadableBodyFile``
    ///   when the file cannot be opened or is not a regular file.
    public init(path: String) throws(CurlTransportError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CurlTransportError(code: .unreadableBodyFile, message: "Cannot open the request body file \(path): \(reason). Check the path and its permissions.")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw CurlTransportError(code: .unreadableBodyFile, message: "The request body file \(path) is not a regular file; pass a file, or stream it through your own RequestBodySource.")
        }
        self.descriptor = descriptor
        self.path = path
        self.length = Int64(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> RequestBodyReadResult {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return .bytes(0) }
        for _ in 0..<100 {  // bounded retry on EINTR
            let count = Glibc.read(descriptor, base, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .end }
            if errno != EINTR {
                throw CurlTransportError(code: .unreadableBodyFile, message: "Reading the request body file \(path) failed: \(String(cString: strerror(errno))).")
            }
        }
        throw CurlTransportError(code: .unreadableBodyFile, message: "Reading the request body file \(path) was interrupted 100 times in a row.")
    }

    public func rewind() -> Bool {
        lseek(descriptor, 0, SEEK_SET) == 0
    }
}

@available(*, unavailable, message: "A body source belongs to the transfer that reads it")
extension FileBodySource: Sendable {}
