/// A trace file that is not a valid xhrtape trace (JSON Lines, version 1).
///
/// ``message`` names the line and what is wrong with it, for people; switch on ``code`` to react.
public struct TraceParseError: Error, CustomStringConvertible {
    /// What kind of problem the trace has. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case empty, missingHeader, unsupportedVersion, notJSON, invalidLine
        }

        private let base: Base

        /// The text has no lines at all.
        public static let empty = Code(base: .empty)
        /// The first line is not the `{"trace":"xhrtape",…}` header.
        public static let missingHeader = Code(base: .missingHeader)
        /// The header names a format version this build does not read.
        public static let unsupportedVersion = Code(base: .unsupportedVersion)
        /// A line is not a JSON object.
        public static let notJSON = Code(base: .notJSON)
        /// A line is JSON but not a request, event or result line of the format.
        public static let invalidLine = Code(base: .invalidLine)

        public var description: String { String(describing: base) }
    }

    /// What kind of problem.
    public var code: Code
    /// The 1-based line number, when one line is at fault.
    public var line: Int?
    /// What is wrong and what to do, naming the line.
    public var message: String

    package init(_ code: Code, line: Int?, _ message: String) {
        self.code = code
        self.line = line
        self.message = line.map { "trace line \($0): \(message)" } ?? message
    }

    public var description: String { message }
}
