import ArgumentParser
import Cassette
import Foundation
import Logging
import Proxy
import TapeCore

/// Runs a proxy in the foreground until a signal or the duration, drains it, closes the
/// cassette and reports what it did.
///
/// Output contract (for scripts): the first line on standard output is
/// `listening HOST:PORT`; with `--port-file` the port is also written to that file. The
/// last line is a summary of the exchanges; one log line per exchange goes to standard error.
enum ProxySession {
    static func run(_ configuration: ProxyConfiguration, cassette: Cassette?, listen: ProxyListenOptions, what: String,
                    failOnMiss: Bool = false) async throws {
        HeapTuning.keepFreedMemoryForReuse()
        var configuration = configuration
        if let eventLoops = listen.eventLoops { configuration.eventLoopCount = eventLoops }
        if !LoopbackHost.contains(configuration.host) {
            FileHandle.standardError.write(Data("warning: listening on \(configuration.host), not loopback: anyone who can reach it can use the proxy and read the recordings.\n".utf8))
        }
        var logger = Logger(label: "xhrtape.proxy", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = listen.quiet ? Logger.Level.warning : Logger.Level.info
        let proxy = try await ProxyServer.start(configuration, logger: logger)
        let address = configuration.host.contains(":") ? "[\(configuration.host)]:\(proxy.port)" : "\(configuration.host):\(proxy.port)"
        print("listening \(address)")
        if let portFile = listen.portFile {
            do {
                try Data("\(proxy.port)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic)
            } catch {
                await proxy.shutdown()
                throw ValidationError("Could not write the port to --port-file \(portFile): \(error.localizedDescription)")
            }
        }
        print("\(what) proxy listening on \(proxy.url)")
        if !configuration.hostFilter.includesEverything {
            switch configuration.mode {
            case .replay: print("Host filter: \(configuration.hostFilter); other hosts are answered 598 (X-Xhrtape-Excluded: 1).")
            case .record: print("Host filter: \(configuration.hostFilter); other hosts are passed through unrecorded.")
            case .passthrough: break
            }
        }
        print("Point a client at it, e.g. curl -x \(proxy.url) http://…  Ctrl-C stops.")
        fflush(nil)  // scripts read the address from a pipe
        await StopSignal.wait(timeoutSeconds: listen.duration)
        let inFlight = proxy.statistics.inFlight
        if inFlight > 0 {
            FileHandle.standardError.write(Data("Stopping: waiting up to \(listen.drainSeconds) s for \(inFlight) exchange\(inFlight == 1 ? "" : "s") in flight.\n".utf8))
        }
        if await !proxy.drain(deadline: Duration.seconds(listen.drainSeconds)) {
            // Whether a cut-off exchange was being recorded is the proxy's to know (UpstreamDispatcher);
            // the message says what happens to those that were.
            let left = proxy.statistics.inFlight
            FileHandle.standardError.write(Data("Stopping: \(left) exchange\(left == 1 ? "" : "s") still in flight after \(listen.drainSeconds) s \(left == 1 ? "is" : "are") cut off where \(left == 1 ? "it stands" : "they stand"); one being recorded keeps in the cassette what arrived, stored as cut off (clientGaveUp). Raise --drain-seconds to let long transfers finish.\n".utf8))
        }
        await proxy.shutdown()
        let statistics = proxy.statistics
        if let cassette {
            let count = try cassette.exchangeCount()
            try cassette.close()
            print("\(what) proxy stopped; the cassette holds \(count) exchange\(count == 1 ? "" : "s"). This run: \(statistics).")
        } else {
            print("\(what) proxy stopped. This run: \(statistics).")
        }
        fflush(nil)
        if failOnMiss, statistics.misses > 0 {
            FileHandle.standardError.write(Data("""
                \(statistics.misses) request\(statistics.misses == 1 ? "" : "s") had no recording (answered 598; the log lines \
                marked `miss` name them). Re-record with `xhrtape record`, or drop --fail-on-miss.

                """.utf8))
            throw ExitCode.replayMiss
        }
    }
}
