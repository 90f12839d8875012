import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM (or a timeout), so a foreground server stops cleanly.
enum StopSignal {
    static func wait(timeoutSeconds: Int?) async {
        let signals = [SIGINT, SIGTERM]
        for signal in signals { Foundation.signal(signal, SIG_IGN) }
        let queue = DispatchQueue(label: "xhrtape.stop-signal")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            let sources = signals.map { signal in
                let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
                source.setEventHandler { once.resume() }
                return source
            }
            once.onResume = { for source in sources { source.cancel() } }
            for source in sources { source.resume() }
            if let timeoutSeconds {
                queue.asyncAfter(deadline: .now() + .seconds(timeoutSeconds)) { once.resume() }
            }
        }
    }
}

/// Resumes a continuation exactly once, from whichever source fires first.
private final class ResumeOnce: @unchecked Sendable {
    // @unchecked: every field is read and written only on the serial stop-signal queue,
    // except `onResume`, which is set once before any source can fire.
    private var continuation: CheckedContinuation<Void, Never>?
    var onResume: (() -> Void)?

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func resume() {
        guard let continuation else { return }
        self.continuation = nil
        onResume?()
        continuation.resume()
    }
}
