public import ArgumentParser
public import TapeCore

extension TimingMode: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public static var defaultCompletionKind: CompletionKind {
        .list(["original", "instant", "scaled:0.5", "fixed:100"])
    }
}
