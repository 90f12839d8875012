import TapeCore
import Testing

struct TimingModeTests {
    @Test(arguments: [
        ("original", TimingMode.original),
        ("instant", .instant),
        ("scaled:0.5", .scaled(0.5)),
        ("scaled:2", .scaled(2)),
        ("fixed:150", .fixed(latencyMicros: 150_000)),
        ("fixed:0.5", .fixed(latencyMicros: 500)),
    ])
    func commandLineFormsParse(text: String, mode: TimingMode) {
        #expect(TimingMode(text) == mode)
        #expect(TimingMode(mode.description) == mode)
    }

    @Test(arguments: ["", "Original", "scaled", "scaled:", "scaled:-1", "scaled:nan", "scaled:inf", "fixed:-3", "fixed:x", "instant:1"])
    func badCommandLineFormsAreRejected(text: String) {
        #expect(TimingMode(text) == nil)
    }

    @Test func scaledOffsetsAreRoundedAndNeverDecrease() throws {
        let timeline = try TimelineFixtures.trickle(chunks: 50, gapMicros: 3)
        let offsets = TimingMode.scaled(0.37).playbackOffsets(for: timeline.entries)
        #expect(offsets == offsets.sorted())
        #expect(offsets.last == Int64((Double(timeline.durationMicros) * 0.37).rounded()))
    }
}
