import Cassette
import GRDB
import TapeCore
import Testing

/// `EventChunkReader`: body chunks read with SQLite's incremental blob I/O, every stored form read back.
struct EventChunkReaderTests {
    /// A closed cassette with one exchange of three 100-byte chunks, then `sql` applied to it.
    private func chunksAfter(_ sql: String?) throws -> (whole: [[UInt8]], cursor: [[UInt8]], recorded: [UInt8], changedRows: Int) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("chunks.sqlite")
        let body = Timeline.bytes(count: 300)
        let cassette = try Cassette.create(at: path)
        let id = try cassette.record(try .response(to: .sample("GET", "http://h/"), body: body, chunkSize: 100))
        try cassette.close()
        var changedRows = 0
        if let sql {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: sql)
                changedRows = db.changesCount
            }
            try queue.close()
        }
        let reopened = try Cassette(path: path, access: .readOnly)
        defer { try? reopened.close() }
        func chunks(_ entries: [Timeline.Entry]) -> [[UInt8]] {
            entries.compactMap { if case .responseBodyChunk(let bytes) = $0.event { bytes } else { nil } }
        }
        var cursor = try reopened.events(of: id)
        var streamed: [Timeline.Entry] = []
        for _ in 0..<100 {
            let batch = try cursor.nextBatch()
            if batch.isEmpty { break }
            streamed += batch
        }
        return (chunks(try reopened.timeline(of: id).entries), chunks(streamed), body, changedRows)
    }

    @Test func blobChunksReadBackWithTheirBoundaries() throws {
        let read = try chunksAfter(nil)
        #expect(read.whole.map(\.count) == [100, 100, 100])
        #expect(read.whole.flatMap { $0 } == read.recorded)
        #expect(read.cursor == read.whole)
    }

    @Test func chunksStoredAsTextByAnotherToolStillReadBack() throws {
        // Not what xhrtape writes, but valid SQLite: the reader falls back to the column's bytes.
        let read = try chunksAfter("UPDATE event SET data = CAST(data AS TEXT) WHERE kind = 3 AND (id & 4294967295) = 3")
        #expect(read.changedRows == 1)
        #expect(read.whole.map(\.count) == [100, 100, 100])
        #expect(read.whole.flatMap { $0 } == read.recorded)
        #expect(read.cursor == read.whole)
    }
}
