import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for what curl cannot send (malformed requests) or cannot
/// report (when each read arrived, whether the connection was reset).
struct RawHTTPClient {
    /// How the server ended the connection.
    enum Ending: Sendable, Equatable {
        /// A clean close (FIN).
        case closed
        /// A reset (RST): `ECONNRESET` on a read.
        case reset
        /// Nothing within the read timeout.
        case timedOut
    }

    /// What came back: every read with its arrival time, and how it ended.
    struct Transcript: Sendable {
        /// Each read: microseconds after the request was sent, and its bytes.
        var reads: [(micros: Int64, bytes: [UInt8])]
        /// How the connection ended.
        var ending: Ending

        /// Every byte received.
        var bytes: [UInt8] { reads.flatMap(\.bytes) }
        /// The parsed response, if the bytes hold one.
        var response: RawHTTPResponse? { RawHTTPResponse(reads: reads) }
    }

    /// Connects to 127.0.0.1:`port`, sends `request`, reads until the server closes.
    static func exchange(port: Int, request: [UInt8], timeoutSeconds: Int = 15) async throws -> Transcript {
        try await onOwnThread {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var sent = 0
            while sent < request.count {
                let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }  // the server may close early (an oversized head): read its answer
                sent += n
            }
            let start = ContinuousClock.now
            var reads: [(Int64, [UInt8])] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    reads.append(((ContinuousClock.now - start).microseconds, Array(buffer[..<n])))
                } else if n == 0 {
                    return Transcript(reads: reads, ending: .closed)
                } else if errno == ECONNRESET {
                    return Transcript(reads: reads, ending: .reset)
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    return Transcript(reads: reads, ending: .timedOut)
                } else if errno != EINTR {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
        }
    }
}

extension Duration {
    /// Whole microseconds.
    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
