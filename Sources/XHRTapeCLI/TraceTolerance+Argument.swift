public import ArgumentParser
public import Trace

extension TraceTolerance: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public static var defaultCompletionKind: CompletionKind {
        .list(["5ms,10%", "5ms", "10%", "0ms"])
    }
}
