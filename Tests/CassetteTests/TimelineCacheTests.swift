@testable import Cassette
import TapeCore
import Testing

/// `TimelineCache`: what a replay keeps in memory, dropping the timelines kept longest past its budget.
struct TimelineCacheTests {
    /// A timeline of one body chunk: 64 + (bytes + 64) + 64 bytes as the cache counts them.
    private static func timeline(bodyBytes: Int) -> [Timeline.Entry] {
        [.at(10, .responseBodyChunk(Array(repeating: 7, count: bodyBytes))), .at(20, .responseEnd(trailers: nil))]
    }

    private static func id(_ raw: Int) -> ExchangeID { ExchangeID(rawValue: Int64(raw)) }

    @Test func pastTheBudgetTheTimelinesKeptLongestGoFirstAndTheNewestStay() {
        var cache = TimelineCache(budgetBytes: 10_000)
        for raw in 1...4 {
            let kept = cache.keep(Self.timeline(bodyBytes: 2_000), for: Self.id(raw))
            #expect(kept, "exchange \(raw)")
        }
        #expect(cache.bytes == 4 * 2_192)
        // A fifth does not fit: the first goes, the other three stay.
        let fifthKept = cache.keep(Self.timeline(bodyBytes: 2_000), for: Self.id(5))
        #expect(fifthKept)
        #expect(cache[Self.id(1)] == nil)
        for raw in 2...5 {
            #expect(cache[Self.id(raw)]?.count == 2, "exchange \(raw)")
        }
        #expect(cache.bytes == 4 * 2_192)
        // One as large as three goes in by dropping the three oldest.
        let largeKept = cache.keep(Self.timeline(bodyBytes: 6_400), for: Self.id(6))
        #expect(largeKept)
        #expect((2...4).allSatisfy { cache[Self.id($0)] == nil })
        #expect(cache[Self.id(5)] != nil && cache[Self.id(6)] != nil)
        #expect(cache.bytes == 2_192 + 6_592)
    }

    @Test func aTimelineKeptAlreadyIsNotKeptTwice() {
        var cache = TimelineCache(budgetBytes: 10_000)
        let first = cache.keep(Self.timeline(bodyBytes: 100), for: Self.id(1))
        let second = cache.keep(Self.timeline(bodyBytes: 900), for: Self.id(1))
        #expect(first && !second)
        #expect(cache[Self.id(1)] == Self.timeline(bodyBytes: 100))
        #expect(cache.bytes == 292)
    }

    @Test func aLongRunStaysWithinTheBudget() {
        var cache = TimelineCache(budgetBytes: 50_000)
        var largest = 0
        for raw in 1...5_000 {
            _ = cache.keep(Self.timeline(bodyBytes: 1_000 + raw % 300), for: Self.id(raw))
            largest = max(largest, cache.bytes)
        }
        #expect(largest <= 50_000)
        #expect(cache[Self.id(5_000)] != nil)
        #expect(cache[Self.id(4_900)] == nil)
    }
}
