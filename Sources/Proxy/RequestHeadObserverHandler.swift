import NIOCore
import NIOHTTP1

/// Tells the ``RequestHeadBudget`` where request heads end; sits right after the HTTP
/// decoder and passes every part on unchanged.
final class RequestHeadObserverHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let budget: RequestHeadBudget

    init(budget: RequestHeadBudget) {
        self.budget = budget
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            budget.awaitingHead = false
            budget.used = 0
        case .body:
            break
        case .end:
            budget.awaitingHead = true
            budget.used = 0
        }
        context.fireChannelRead(data)
    }
}

@available(*, unavailable, message: "A RequestHeadObserverHandler belongs to its channel's event loop")
extension RequestHeadObserverHandler: Sendable {}
