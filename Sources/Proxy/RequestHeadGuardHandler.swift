import NIOCore
import NIOHTTP1

/// Bounds the memory a request head can take: NIO's decoder limits header fields but
/// buffers a request line of any length. Sits before the decoder and counts the bytes
/// of reads that leave a head unfinished; past the budget it reports
/// `HTTPParserError.headerOverflow` (answered with 431) and drops the rest.
final class RequestHeadGuardHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Slack for one read that holds the end of a request and the start of the next.
    static let slack = 64 << 10

    private let budget: RequestHeadBudget
    private var tripped = false

    init(budget: RequestHeadBudget) {
        self.budget = budget
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !tripped else { return }
        let count = unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
        // The decoder ran inside fireChannelRead: the observer has said whether a head is still open.
        guard budget.awaitingHead else { return }
        budget.used += count
        if budget.used > budget.limit + Self.slack {
            tripped = true
            context.fireErrorCaught(HTTPParserError.headerOverflow)
        }
    }
}

@available(*, unavailable, message: "A RequestHeadGuardHandler belongs to its channel's event loop")
extension RequestHeadGuardHandler: Sendable {}
