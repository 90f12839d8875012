import Cassette
import Foundation
import TapeCore

extension Cassette {
    /// Records `timeline` through an ``ExchangeWriter``, event by event.
    @discardableResult
    func record(_ timeline: Timeline, metadata: ExchangeMetadata? = nil, startedAt: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> ExchangeID {
        let writer = try beginExchange(timeline.request, startedAt: startedAt, metadata: metadata)
        for entry in timeline.entries {
            try writer.append(entry.event, atOffsetMicros: entry.offsetMicros)
        }
        return writer.id
    }

    /// Opens a new read-write cassette at `path`.
    static func create(at path: String, redactor: Redactor = .standard, flushThresholdBytes: Int = 1 << 20) throws -> Cassette {
        try Cassette(
            path: path, access: .readWrite,
            configuration: CassetteConfiguration(toolVersion: "xhrtape-tests", redactor: redactor, flushThresholdBytes: flushThresholdBytes))
    }
}
