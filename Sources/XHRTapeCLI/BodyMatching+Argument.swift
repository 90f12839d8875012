public import ArgumentParser
public import Cassette

/// `--match-body exact|json|form`.
extension MatchOptions.BodyMatching: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "exact": self = .exact
        case "json": self = .json
        case "form": self = .form
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["exact", "json", "form"] }
}
