import NIOCore
import Synchronization

/// Carries the transport thread's signals to one event loop in batches: the first
/// signal posted to an empty mailbox wakes the loop once, and the loop takes every
/// signal waiting by then in one go. Each handler that wrote during the batch is
/// flushed once at its end, so a small response (head, body, end) leaves in one
/// system call instead of three, and a busy proxy wakes its loops far less often.
///
/// Signals of one exchange keep their order: one thread posts them, and the mailbox
/// is first in, first out.
final class SignalMailbox: Sendable {
    private struct Delivery: Sendable {
        var handler: NIOLoopBound<ProxyRequestHandler>
        var signal: UpstreamSignal
        var key: ExchangeKey
    }

    let eventLoop: any EventLoop
    private let waiting = Mutex<[Delivery]>([])

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Hands `signal` for exchange `key` to `handler` on the mailbox's event loop. Callable from any thread.
    func post(_ signal: UpstreamSignal, for key: ExchangeKey, to handler: NIOLoopBound<ProxyRequestHandler>) {
        let wasEmpty = waiting.withLock { waiting in
            waiting.append(Delivery(handler: handler, signal: signal, key: key))
            return waiting.count == 1
        }
        if wasEmpty {
            eventLoop.execute { self.deliverWaiting() }
        }
    }

    /// On the event loop: every waiting signal, in order, then one flush per handler that wrote.
    private func deliverWaiting() {
        let batch = waiting.withLock { waiting in
            defer { waiting = [] }
            return waiting
        }
        var written: [ProxyRequestHandler] = []
        for delivery in batch {
            let handler = delivery.handler.value
            handler.receive(delivery.signal, for: delivery.key)
            if handler.takeFlushRequest() { written.append(handler) }
        }
        for handler in written { handler.flushWrites() }
    }
}

/// One ``SignalMailbox`` per event loop of the proxy's group.
struct SignalMailboxes: Sendable {
    private let mailboxes: [ObjectIdentifier: SignalMailbox]

    init(group: any EventLoopGroup) {
        var mailboxes: [ObjectIdentifier: SignalMailbox] = [:]
        for eventLoop in group.makeIterator() {
            mailboxes[ObjectIdentifier(eventLoop)] = SignalMailbox(eventLoop: eventLoop)
        }
        self.mailboxes = mailboxes
    }

    /// The mailbox of `eventLoop`, which must belong to the group.
    func mailbox(for eventLoop: any EventLoop) -> SignalMailbox {
        guard let mailbox = mailboxes[ObjectIdentifier(eventLoop)] else {
            preconditionFailure("an event loop outside the proxy's group: \(eventLoop)")
        }
        return mailbox
    }
}
