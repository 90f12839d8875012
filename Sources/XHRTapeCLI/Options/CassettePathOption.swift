import ArgumentParser

/// The cassette file a command reads or writes.
struct CassettePathOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "Path to the SQLite cassette.", completion: .file(extensions: ["sqlite"]))
    var cassette: String
}
