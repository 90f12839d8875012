/// Why the scenario server could not understand a request: answered with 400 and
/// ``message`` as the body, so the caller sees which path or parameter was wrong.
struct ScenarioRequestError: Error, Equatable, Sendable {
    /// What was wrong: the path, a parameter, or the request itself.
    enum Code: Equatable, Sendable {
        case unknownPath
        case unknownParameter
        case badValue
        case conflictingParameters
        case unsupportedMethod
    }

    var code: Code
    /// The offending parameter, when there is one.
    var parameter: String?
    /// The text the 400 response carries.
    var message: String
}
