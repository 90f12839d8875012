import ArgumentParser
import Cassette
import Foundation

/// `xhrtape verify`: checks a cassette's integrity; the exit code says the verdict.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a cassette: SQLite integrity and every exchange's timeline. Exit 0 sound, 1 damaged, 2 unreadable."
    )

    @Argument(help: "The cassette to check.", completion: .file(extensions: ["sqlite"]))
    var cassette: String

    func run() throws {
        let progress = TerminalProgress(label: "verifying")
        progress.update(0, of: 1)
        let verification = try Cassette.verify(at: cassette)
        progress.finish()
        var out = "\(cassette): \(verification.exchangeCount) exchange\(verification.exchangeCount == 1 ? "" : "s") checked"
        if verification.incompleteExchangeCount > 0 {
            out += ", \(verification.incompleteExchangeCount) unfinished (left by a running or killed recorder; not a problem)"
        }
        if verification.isValid {
            print(out + ": sound.")
            return
        }
        print(out + ": \(verification.problems.count) problem\(verification.problems.count == 1 ? "" : "s"):")
        for problem in verification.problems { print("  \(problem)") }
        throw ExitCode(1)
    }
}
