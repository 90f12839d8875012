#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX file access for CA files: exact modes, no window in which a key is readable by
/// others, and ``TLSError``s that name the path.
enum SecureFile {
    /// The largest file ``read(_:privateKey:missingAdvice:)`` accepts; CA PEM files are a few KiB.
    static let maximumSize = 1 << 20

    /// Whether anything (a file, directory or dangling symlink) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates `path` and any missing parents with mode 0700; an existing directory is left as is.
    ///
    /// - Throws: ``TLSError/Code/io`` if a component exists and is not a directory, or `mkdir` fails.
    static func createDirectory(_ path: String) throws(TLSError) {
        guard !path.isEmpty else {
            throw TLSError(code: .io, message: "The CA directory path is empty; pass a directory such as \"~/.xhrtape/ca\" (expanded).")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw Self.ioError("create the directory \(prefix)", errno: errno)
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw Self.ioError("inspect the directory \(path)", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw TLSError(code: .io, message: "\(path) exists but is not a directory; pass a directory path for the CA files.")
        }
    }

    /// Writes `contents` to `path` with exactly `mode`.
    ///
    /// Without `overwrite`, the file is created exclusively (`O_EXCL`) with `mode`. With it, a
    /// temporary file is created in the same directory with mode 0600 (`mkstemp`), set to `mode`,
    /// written, synced and renamed over `path`. Either way the file is never wider than `mode`.
    ///
    /// - Throws: ``TLSError/Code/fileExists`` (no `overwrite` and `path` exists) or ``TLSError/Code/io``.
    static func write(_ contents: String, to path: String, mode: mode_t, overwrite: Bool) throws(TLSError) {
        if !overwrite {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            guard descriptor >= 0 else {
                let code = errno
                if code == EEXIST {
                    throw TLSError(code: .fileExists, message: "Refusing to overwrite \(path); remove it or pass overwrite: true.")
                }
                throw Self.ioError("create \(path)", errno: code)
            }
            do throws(TLSError) {
                try Self.fill(descriptor, path: path, mode: mode, contents: contents)
            } catch {
                unlink(path)
                throw error
            }
            return
        }

        var template = Array("\(path).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }  // mode 0600
        guard descriptor >= 0 else { throw Self.ioError("create a temporary file next to \(path)", errno: errno) }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do throws(TLSError) {
            try Self.fill(descriptor, path: temporaryPath, mode: mode, contents: contents)
            guard rename(temporaryPath, path) == 0 else { throw Self.ioError("replace \(path)", errno: errno) }
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes `path`, ignoring errors (cleanup after a failed write).
    static func remove(_ path: String) {
        unlink(path)
    }

    /// Reads the whole file at `path` as UTF-8.
    ///
    /// - Parameters:
    ///   - privateKey: Refuse a file whose mode grants group or others any access.
    ///   - missingAdvice: What to tell the user if the file does not exist.
    /// - Throws: ``TLSError/Code/fileNotFound``, ``TLSError/Code/insecureKeyFile`` or ``TLSError/Code/io``.
    static func read(_ path: String, privateKey: Bool, missingAdvice: String) throws(TLSError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT {
                throw TLSError(code: .fileNotFound, message: "\(path) does not exist. \(missingAdvice)")
            }
            throw Self.ioError("open \(path)", errno: code)
        }
        defer { close(descriptor) }

        // fstat on the open descriptor: the mode checked is the mode of the file read.
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.ioError("inspect \(path)", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw TLSError(code: .io, message: "\(path) is not a regular file; it should hold PEM text.")
        }
        let permissions = status.st_mode & 0o777
        if privateKey, permissions & 0o077 != 0 {
            throw TLSError(code: .insecureKeyFile, message: """
                The CA private key \(path) has mode 0\(String(permissions, radix: 8)), so other users can \
                access it and could impersonate any site to this machine's browsers. Run \
                `chmod 600 \(path)` (and consider generating a new CA if the key may have been copied).
                """)
        }
        guard Int(status.st_size) <= Self.maximumSize else {
            throw TLSError(code: .io, message: "\(path) is \(status.st_size) bytes; CA PEM files are a few KiB. Check the path.")
        }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while bytes.count <= Self.maximumSize {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Self.ioError("read \(path)", errno: errno) }
            if count == 0 { break }
            bytes += chunk.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sets `mode` exactly (the umask may have narrowed it), writes `contents`, syncs and closes.
    /// Closes `descriptor` on every path.
    private static func fill(_ descriptor: Int32, path: String, mode: mode_t, contents: String) throws(TLSError) {
        defer { close(descriptor) }
        guard fchmod(descriptor, mode) == 0 else { throw Self.ioError("set mode \(String(mode, radix: 8)) on \(path)", errno: errno) }
        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Self.ioError("write \(path)", errno: errno) }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw Self.ioError("sync \(path)", errno: errno) }
    }

    private static func ioError(_ action: String, errno code: Int32) -> TLSError {
        TLSError(code: .io, message: "Could not \(action): \(String(cString: strerror(code))). Check the path and its permissions.")
    }
}

// The POSIX calls, reachable from inside `SecureFile`, whose `read` and `write` shadow them.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
