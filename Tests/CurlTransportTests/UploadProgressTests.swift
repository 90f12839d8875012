import CurlTransport
import TapeCore
import Testing

struct UploadProgressTests {
    @Test func requestWithoutBodyEndsWhenItIsAboutToBeSent() {
        var progress = UploadProgress(hasBody: false, declaredLength: 0)
        do { let result = progress.progress(uploaded: 0); #expect(result == []) }
        do { let result = progress.requestWillBeSent(); #expect(result == [.requestEnd]) }
        do { let result = progress.requestWillBeSent(); #expect(result == []) }
    }

    @Test func knownLengthBodyReportsDeltasThenEndsAtTheLength() {
        var progress = UploadProgress(hasBody: true, declaredLength: 100)
        do { let result = progress.requestWillBeSent(); #expect(result == []) }
        progress.didRead(60)
        do { let result = progress.progress(uploaded: 0); #expect(result == []) }
        do { let result = progress.progress(uploaded: 40); #expect(result == [.requestBodySent(byteCount: 40)]) }
        do { let result = progress.progress(uploaded: 40); #expect(result == []) }
        progress.didRead(40)
        do { let result = progress.progress(uploaded: 100); #expect(result == [.requestBodySent(byteCount: 60), .requestEnd]) }
        do { let result = progress.progress(uploaded: 100); #expect(result == []) }
    }

    @Test func chunkedBodyCountIsCappedAtBytesReadAndEndsAfterTheLastChunk() {
        var progress = UploadProgress(hasBody: true, declaredLength: nil)
        progress.didRead(50)
        // libcurl counts the chunk framing ("32\r\n" … "\r\n") too.
        do { let result = progress.progress(uploaded: 56); #expect(result == [.requestBodySent(byteCount: 50)]) }
        progress.didReachSourceEnd(uploaded: 56)
        do { let result = progress.progress(uploaded: 56); #expect(result == []) }
        do { let result = progress.progress(uploaded: 61); #expect(result == [.requestEnd]) }
    }

    @Test func successfulTransferFlushesTheRestOfAWholeBody() {
        var progress = UploadProgress(hasBody: true, declaredLength: 10)
        progress.didRead(10)
        do { let result = progress.transferSucceeded(uploaded: 4); #expect(result == [.requestBodySent(byteCount: 4), .requestBodySent(byteCount: 6), .requestEnd]) }
    }

    @Test func bodyCutShortByAnEarlyResponseDoesNotEnd() {
        var progress = UploadProgress(hasBody: true, declaredLength: 100)
        progress.didRead(30)
        do { let result = progress.transferSucceeded(uploaded: 30); #expect(result == [.requestBodySent(byteCount: 30)]) }
        #expect(!progress.isEnded)
    }

    @Test func rewoundBodyReportsOnlyBytesBeyondThoseAlreadyReported() {
        var progress = UploadProgress(hasBody: true, declaredLength: 100)
        progress.didRead(50)
        do { let result = progress.progress(uploaded: 50); #expect(result == [.requestBodySent(byteCount: 50)]) }
        progress.didRewind()
        progress.didRead(64)
        do { let result = progress.progress(uploaded: 30); #expect(result == []) }
        do { let result = progress.progress(uploaded: 64); #expect(result == [.requestBodySent(byteCount: 14)]) }
    }
}
