package import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Watches a socket's send queue so a reset (SO_LINGER 0) can wait until every byte
/// written before it has reached the peer: an abortive close discards whatever the
/// kernel has not yet sent, which would lose bytes the peer must see before the reset
/// (the scenario server's `reset-after`, the proxy passing on an upstream reset).
///
/// Reads Linux's `struct tcp_info` (linux/tcp.h; the layout only ever grows) for
/// `tcpi_unacked` (segments in flight) and `tcpi_notsent_bytes` (queued, unsent).
package enum TCPSendQueue {
    /// Room for `struct tcp_info` up to and past `tcpi_notsent_bytes`.
    private struct TCPInfoBytes: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        func uint32(at offset: Int) -> UInt32 {
            withUnsafeBytes(of: words) { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        }
    }

    private static let unackedOffset = 24
    private static let notSentOffset = 144

    /// Succeeds once nothing is queued or in flight, or when `deadline` passes (then the
    /// reset goes ahead anyway: a peer that stopped reading cannot be waited for forever).
    package static func drained(_ socket: any SocketOptionProvider, on eventLoop: any EventLoop, deadline: NIODeadline) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        poll(socket, on: eventLoop, deadline: deadline, promise: promise)
        return promise.futureResult
    }

    private static func poll(_ socket: any SocketOptionProvider, on eventLoop: any EventLoop, deadline: NIODeadline, promise: EventLoopPromise<Void>) {
        let info: EventLoopFuture<TCPInfoBytes> = socket.unsafeGetSocketOption(
            level: .tcp, name: NIOBSDSocket.Option(rawValue: CInt(TCP_INFO)))
        info.whenComplete { result in
            switch result {
            case .success(let info) where info.uint32(at: unackedOffset) > 0 || info.uint32(at: notSentOffset) > 0:
                guard NIODeadline.now() < deadline else { return promise.succeed() }
                eventLoop.scheduleTask(in: .milliseconds(1)) {
                    poll(socket, on: eventLoop, deadline: deadline, promise: promise)
                }
            case .success, .failure:
                promise.succeed()
            }
        }
    }
}
