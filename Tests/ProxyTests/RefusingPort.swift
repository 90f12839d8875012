import Glibc

/// A loopback port that refuses connections for as long as this value is kept: a TCP socket
/// bound to it and never listening. Unlike a server started and stopped, no other test
/// running meanwhile can take the port over.
final class RefusingPort {
    /// The port; connections to 127.0.0.1 on it are refused.
    let port: Int
    private let socket: Int32

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RefusingPortError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw RefusingPortError(call: "bind")
        }
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(socket)
    }
}

/// A socket call that failed while reserving a ``RefusingPort``.
struct RefusingPortError: Error, CustomStringConvertible {
    let call: String
    var description: String { "\(call) failed (errno \(errno)) while reserving a refusing loopback port" }
}
