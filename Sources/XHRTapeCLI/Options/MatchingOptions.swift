import ArgumentParser
import Cassette
import HTTPTypes

/// How a request is matched to a recorded exchange (`--match-body`, `--match-header`,
/// `--ignore-query-param`, `--ignore-query-order`); shared by `replay` and `record` (whose
/// modes once, new and none replay). By default method and URL only, as vcrpy's and
/// mitmproxy's server replay do.
struct MatchingOptions: ParsableArguments {
    @Option(name: .customLong("match-body"),
            help: ArgumentHelp("Also match request bodies: exact (byte for byte), json (as JSON values: key order and whitespace do not count) or form (decoded fields in any order). Default: bodies are not compared.",
                               valueName: "exact|json|form"))
    var body: MatchOptions.BodyMatching?

    @Option(name: .customLong("match-header"),
            help: ArgumentHelp("Also match this request header's values (repeatable; any case).", valueName: "name"))
    var headers: [String] = []

    @Option(name: .customLong("ignore-query-param"),
            help: ArgumentHelp("Leave this query parameter out of matching (repeatable), e.g. a cache buster such as _.", valueName: "name"))
    var ignoredQueryParameters: [String] = []

    @Flag(name: .customLong("ignore-query-order"), help: "Match ?a=1&b=2 to ?b=2&a=1 (one name's repeated values keep their order).")
    var ignoresQueryOrder = false

    /// The options, with `whenExhausted` as given.
    func matchOptions(whenExhausted: MatchOptions.Exhaustion = .fail) -> MatchOptions {
        MatchOptions(body: body, headers: headers, ignoresQueryOrder: ignoresQueryOrder,
                     ignoredQueryParameters: Set(ignoredQueryParameters), whenExhausted: whenExhausted)
    }

    func validate() throws {
        if let invalid = headers.first(where: { HTTPField.Name($0) == nil }) {
            throw ValidationError("--match-header \"\(invalid)\" is not a header field name (letters, digits and !#$%&'*+-.^_`|~).")
        }
        if ignoredQueryParameters.contains("") {
            throw ValidationError("--ignore-query-param needs a parameter name.")
        }
    }
}
