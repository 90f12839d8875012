import Synchronization
import TapeCore
import Testing

/// The buffer between a proxy's client and its upload, on one thread: the thread
/// hand-offs are the proxy tests' business.
struct RequestBodyStreamTests {
    private func read(_ stream: RequestBodyStream, max: Int = 1 << 20) -> (RequestBodyStream.ReadResult, [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: max)
        let result = buffer.withUnsafeMutableBytes { stream.read(into: $0) }
        if case .bytes(let count) = result { return (result, Array(buffer.prefix(count))) }
        return (result, [])
    }

    @Test func bytesComeOutInOrderAcrossChunksThenTheEnd() {
        let stream = RequestBodyStream(length: 7, prefix: [1, 2, 3])
        stream.append([4, 5])
        stream.append([6, 7])
        #expect(read(stream, max: 4).1 == [1, 2, 3, 4])
        #expect(read(stream).1 == [5, 6, 7])
        #expect(read(stream).0 == .wouldBlock)
        stream.finish()
        #expect(read(stream).0 == .end)
    }

    @Test func theProducerIsToldToPauseAtTheHighWaterMarkAndToGoOnAtHalf() {
        let stream = RequestBodyStream(length: nil, highWaterBytes: 100)
        let drained = Atomic<Int>(0)
        stream.onDrained { drained.add(1, ordering: .relaxed) }
        #expect(stream.append([UInt8](repeating: 0, count: 60)) == false)
        #expect(stream.append([UInt8](repeating: 0, count: 60)) == true)
        _ = read(stream, max: 30)
        #expect(drained.load(ordering: .relaxed) == 0, "90 bytes are still more than half the mark")
        _ = read(stream, max: 40)
        #expect(drained.load(ordering: .relaxed) == 1)
    }

    @Test func aPrefixThatFillsTheBufferPausesTheProducerUntilDrained() {
        let stream = RequestBodyStream(length: nil, prefix: [UInt8](repeating: 0, count: 150), highWaterBytes: 100)
        #expect(stream.producerShouldPause)
        let drained = Atomic<Int>(0)
        stream.onDrained { drained.add(1, ordering: .relaxed) }
        _ = read(stream, max: 120)
        #expect(drained.load(ordering: .relaxed) == 1)
        #expect(stream.producerShouldPause == false)
    }

    @Test func aWaitingConsumerIsWokenByDataAndByTheEnd() {
        let stream = RequestBodyStream(length: nil)
        let wakeups = Atomic<Int>(0)
        stream.onReadable { wakeups.add(1, ordering: .relaxed) }
        stream.append([1])
        #expect(wakeups.load(ordering: .relaxed) == 0, "nobody was waiting")
        _ = read(stream)
        #expect(read(stream).0 == .wouldBlock)
        stream.append([2])
        #expect(wakeups.load(ordering: .relaxed) == 1)
        _ = read(stream)
        #expect(read(stream).0 == .wouldBlock)
        stream.finish()
        #expect(wakeups.load(ordering: .relaxed) == 2)
    }

    @Test func registeringAfterAFruitlessReadWakesAtOnceIfDataCameMeanwhile() {
        let stream = RequestBodyStream(length: nil)
        #expect(read(stream).0 == .wouldBlock)
        stream.append([1])
        let wakeups = Atomic<Int>(0)
        stream.onReadable { wakeups.add(1, ordering: .relaxed) }
        #expect(wakeups.load(ordering: .relaxed) == 1)
    }

    @Test func aFailedProducerFailsTheNextRead() {
        let stream = RequestBodyStream(length: 10, prefix: [1])
        stream.fail("client left")
        #expect(read(stream).0 == .failed("client left"))
        stream.append([2])
        #expect(read(stream).0 == .failed("client left"))
    }

    @Test func aRecordingStreamKeepsWhatItHandedOutUntilTaken() {
        let stream = RequestBodyStream(length: nil, prefix: [1, 2, 3, 4], recording: true)
        _ = read(stream, max: 3)
        #expect(stream.takeRead(2) == [1, 2])
        _ = read(stream)
        #expect(stream.takeRead(5) == [3, 4])
        #expect(stream.takeRead(1) == [])
        #expect(RequestBodyStream(length: nil, prefix: [1]).takeRead(1) == [], "a stream that does not record keeps nothing")
    }

    @Test func aRecordingStreamWaitsForTheRecorderOnceAWindowIsHandedOut() {
        let stream = RequestBodyStream(length: nil, prefix: [UInt8](repeating: 7, count: 150), highWaterBytes: 100, recording: true)
        let wakeups = Atomic<Int>(0)
        stream.onReadable { wakeups.add(1, ordering: .relaxed) }
        #expect(read(stream, max: 100).1.count == 100)
        #expect(read(stream).0 == .wouldBlock, "50 bytes wait, but the recorder has not taken the first 100")
        #expect(stream.takeRead(60).count == 60)
        #expect(wakeups.load(ordering: .relaxed) == 1, "taking them wakes the upload")
        #expect(read(stream).1.count == 50)
        #expect(stream.takeRead(1_000).count == 90)
    }
}

