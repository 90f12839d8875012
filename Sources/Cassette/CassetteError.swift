/// An error from opening, reading, writing or replaying a cassette.
///
/// Switch on ``code`` to react; ``message`` is for people: it names the file, the exchange or the
/// request involved and says what to do next. When replay finds no recorded exchange for a
/// request, ``miss`` carries the same explanation as structured fields.
public struct CassetteError: Error, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case notFound, notSQLite, truncated, corrupt, notACassette, schemaTooNew, migrationRequired
            case locked, readOnly, closed, exchangeNotFound, invalidExchange, invalidTimeline
            case noMatch, exhausted, redactionFailed, invalidRedactionRule, storageFailure
        }

        private let base: Base

        /// The cassette file does not exist (and was opened read-only), or cannot be opened.
        public static let notFound = Code(base: .notFound)
        /// The file is not an SQLite database at all.
        public static let notSQLite = Code(base: .notSQLite)
        /// The file is an SQLite database that has been cut short (an interrupted copy or download).
        public static let truncated = Code(base: .truncated)
        /// The file is an SQLite database whose pages are damaged.
        public static let corrupt = Code(base: .corrupt)
        /// The file is a healthy SQLite database, but not an xhrtape cassette.
        public static let notACassette = Code(base: .notACassette)
        /// The cassette was written by a newer xhrtape whose schema this build does not know.
        public static let schemaTooNew = Code(base: .schemaTooNew)
        /// The cassette has an older schema and was opened read-only, so it cannot be upgraded.
        public static let migrationRequired = Code(base: .migrationRequired)
        /// Another live process is recording into the cassette, or SQLite reported it busy.
        public static let locked = Code(base: .locked)
        /// A write was attempted on a cassette opened read-only.
        public static let readOnly = Code(base: .readOnly)
        /// The cassette was used after ``Cassette/close()``.
        public static let closed = Code(base: .closed)
        /// No complete exchange has the requested id.
        public static let exchangeNotFound = Code(base: .exchangeNotFound)
        /// A stored exchange cannot be read back as a valid timeline (see ``Cassette/verify()``).
        public static let invalidExchange = Code(base: .invalidExchange)
        /// A transport reported events that do not form a valid timeline, so they were not recorded.
        public static let invalidTimeline = Code(base: .invalidTimeline)
        /// No recorded exchange matches a request; ``CassetteError/miss`` says which one came closest.
        public static let noMatch = Code(base: .noMatch)
        /// Every recorded exchange matching a request has been used and the matching options say
        /// not to repeat the last one.
        public static let exhausted = Code(base: .exhausted)
        /// A redaction rule could not be applied (for example to a compressed response body), so the
        /// exchange was not written: secrets never reach disk.
        public static let redactionFailed = Code(base: .redactionFailed)
        /// A redaction rule is malformed (a JSON path or a regular expression that does not parse).
        public static let invalidRedactionRule = Code(base: .invalidRedactionRule)
        /// SQLite failed to read or write for a reason outside the file's contents (disk full, I/O
        /// error, permissions).
        public static let storageFailure = Code(base: .storageFailure)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure happened.
    public var code: Code
    /// What happened, with the values involved, and what to do next. Shown to users verbatim.
    public var message: String
    /// The underlying error, if another error caused this one.
    public var cause: (any Error)?
    /// For ``Code/noMatch`` and ``Code/exhausted``: the request and how the closest recorded
    /// exchange differs from it.
    public var miss: RequestMiss?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure happened.
    ///   - message: What happened, with the values involved, and what to do next.
    ///   - cause: The underlying error, if any.
    ///   - miss: The structured explanation of a replay miss, if this is one.
    package init(code: Code, message: String, cause: (any Error)? = nil, miss: RequestMiss? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
        self.miss = miss
    }

    public var description: String { "\(message) (\(code))" }
}
