import Testing
import Trace

struct TraceToleranceTests {
    @Test(arguments: [
        ("5ms", TraceTolerance(absoluteMicros: 5_000, relative: 0)),
        ("10%", TraceTolerance(absoluteMicros: 0, relative: 0.1)),
        ("5ms,10%", TraceTolerance(absoluteMicros: 5_000, relative: 0.1)),
        ("10%, 250us", TraceTolerance(absoluteMicros: 250, relative: 0.1)),
        ("1.5s", TraceTolerance(absoluteMicros: 1_500_000, relative: 0)),
        ("0ms", TraceTolerance.exact),
    ])
    func parsesTheCommandLineForm(text: String, tolerance: TraceTolerance) {
        #expect(TraceTolerance(text) == tolerance)
    }

    @Test(arguments: ["", "5", "ms", "-5ms", "5ms,6ms", "10%,20%", "5ms,10%,1s", "fast", "nan%", "5 parsecs"])
    func rejectsAnythingElse(text: String) {
        #expect(TraceTolerance(text) == nil)
    }

    @Test func theDefaultIsFiveMillisecondsOrTenPercentWhicheverIsLarger() {
        let tolerance = TraceTolerance.default
        #expect(tolerance.accepts(1_000, 6_000))
        #expect(!tolerance.accepts(1_000, 6_001))
        #expect(tolerance.accepts(100_000, 110_000))
        #expect(!tolerance.accepts(100_000, 111_200))
        #expect(TraceTolerance(tolerance.description) == tolerance)
    }
}
