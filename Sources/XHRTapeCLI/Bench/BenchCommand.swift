import ArgumentParser

/// `xhrtape bench`: benchmarks that print figures (never asserted).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: print figures measured on this machine.",
        subcommands: [ReplayBenchCommand.self]
    )
}
