/// One step of two XHRs' event sequences laid side by side: an event both traces have (equal,
/// late or early beyond the tolerance, or with other fields changed), or one only one side has.
public struct AlignedTraceEvent: Sendable, Hashable {
    /// How the two sides compare at this step.
    public enum Verdict: Sendable, Hashable {
        /// The same event at times within the tolerance.
        case equal
        /// The same event (type, target, readyState, status and progress numbers), with `t`
        /// beyond the tolerance.
        case timing
        /// The same kind of event (type and target) with these fields different; `t` is among
        /// them when it is beyond the tolerance.
        case changed([FieldDifference])
        /// Only the expected trace has this event.
        case removed
        /// Only the actual trace has this event.
        case inserted
    }

    /// How the two sides compare.
    public var verdict: Verdict
    /// The expected trace's event; nil for ``Verdict/inserted``.
    public var expected: TraceEvent?
    /// The expected event's position among its XHR's events.
    public var expectedPosition: Int?
    /// The actual trace's event; nil for ``Verdict/removed``.
    public var actual: TraceEvent?
    /// The actual event's position among its XHR's events.
    public var actualPosition: Int?

    /// Creates a step.
    public init(verdict: Verdict, expected: TraceEvent?, expectedPosition: Int?, actual: TraceEvent?, actualPosition: Int?) {
        self.verdict = verdict
        self.expected = expected
        self.expectedPosition = expectedPosition
        self.actual = actual
        self.actualPosition = actualPosition
    }

    /// True for ``Verdict/equal``.
    public var isEqual: Bool { verdict == .equal }
}
