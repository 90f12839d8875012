import Cassette

/// Why a HAR file could not be imported, with the JSON path of the offending value.
public struct HARImportError: Error, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case notJSON, malformed, invalidValue, unsupportedEntry, cassetteFailure
        }

        private let base: Base

        /// The file is not JSON at all.
        public static let notJSON = Code(base: .notJSON)
        /// A required field is missing or has the wrong JSON type.
        public static let malformed = Code(base: .malformed)
        /// A field has the right type but a value that cannot be used (a date, base64, an offset).
        public static let invalidValue = Code(base: .invalidValue)
        /// The entry cannot be stored as an exchange (an interim 1xx response such as a WebSocket 101).
        public static let unsupportedEntry = Code(base: .unsupportedEntry)
        /// The cassette refused the exchange (see ``HARImportError/cause``).
        public static let cassetteFailure = Code(base: .cassetteFailure)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure happened.
    public var code: Code
    /// Where in the file: a JSONPath such as `$.log.entries[3].response.status`, or `$` for the whole file.
    public var jsonPath: String
    /// What happened and what to do, shown to users verbatim.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    package init(code: Code, jsonPath: String, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.jsonPath = jsonPath
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(jsonPath): \(message) (\(code))" }

    /// The JSONPath of a Codable coding path: `$.log.entries[3].response`.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "$") { path, key in
            if let index = key.intValue { path += "[\(index)]" } else { path += "." + key.stringValue }
        }
    }
}

extension HARImportError {
    /// Wraps a cassette failure while storing the entry at `jsonPath`.
    static func cassette(_ error: CassetteError, at jsonPath: String) -> HARImportError {
        HARImportError(
            code: .cassetteFailure, jsonPath: jsonPath,
            message: "The cassette refused this entry: \(error.message)", cause: error)
    }
}
