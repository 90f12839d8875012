import ArgumentParser
import Foundation

/// `xhrtape bench replay`: cassettes of N recorded exchanges replayed into the XHR on the
/// virtual clock, one after another, at several sizes; with vcrpy installed, vcrpy's
/// replay of the same sizes in the same run.
struct ReplayBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replays/s of N-exchange cassettes into the XHR (virtual clock), and how it grows with N; vcrpy alongside when installed."
    )

    @Option(parsing: .upToNextOption, help: "Cassette sizes (exchanges) to measure.")
    var sizes: [Int] = [250, 1000, 10_000]

    @Option(help: "Runs per size; the median is printed.")
    var runs = 3

    @Option(help: "Python interpreter with vcrpy and requests, for the comparison (skipped when vcrpy is missing).")
    var python = "python3"

    @Option(parsing: .upToNextOption, help: "Sizes for vcrpy (it grows quadratically: keep them small).")
    var vcrpySizes: [Int] = [250, 1000]

    func validate() throws {
        guard !sizes.isEmpty, sizes.allSatisfy({ (1...100_000).contains($0) }) else {
            throw ValidationError("--sizes must be between 1 and 100000 exchanges.")
        }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be between 1 and 20.") }
    }

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xhrtape-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bench = ReplayBenchmark(directory: directory)
        print("Replay benchmark: each exchange is a 4-chunk, 4 KiB trickle over 150 ms of recorded time,")
        print("replayed into the XMLHttpRequest with a trace, one after another on the virtual clock (median of \(runs)).\n")
        print("xhrtape".padding(toLength: 10, withPad: " ", startingAt: 0) + "exchanges   wall time   replays/s   µs/replay")
        var results: [(Int, Double)] = []
        for size in sizes {
            let figure = try bench.measure(exchanges: size, runs: runs)
            results.append((size, figure.perSecond))
            print(row("", size, figure.seconds, figure.perSecond))
        }
        if let first = results.first, let last = results.last, last.0 > first.0 {
            let growth = (last.0 > 0 ? first.1 / last.1 : 0)
            print("\nper-replay cost grows \(String(format: "%.2f", growth))× from \(first.0) to \(last.0) exchanges (1.00× = linear total time).")
        }
        let vcrpy = VCRPyBenchmark(python: python, directory: directory)
        guard vcrpy.isAvailable else {
            print("\nvcrpy: not installed for \(python) (pip install vcrpy requests) — comparison skipped.")
            return
        }
        print("\n" + "vcrpy".padding(toLength: 10, withPad: " ", startingAt: 0) + "exchanges   wall time   replays/s   µs/replay")
        for size in vcrpySizes {
            let figure = try vcrpy.measure(exchanges: size)
            print(row("", size, figure.seconds, figure.perSecond))
            if let ours = results.first(where: { $0.0 == size }) {
                print("          xhrtape is \(String(format: "%.0f", ours.1 / figure.perSecond))× vcrpy at \(size) exchanges")
            }
        }
    }

    private func row(_ label: String, _ size: Int, _ seconds: Double, _ perSecond: Double) -> String {
        label.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "%9d   %8.3f s   %9.0f   %9.1f", size, seconds, perSecond, 1_000_000 / perSecond)
    }
}
