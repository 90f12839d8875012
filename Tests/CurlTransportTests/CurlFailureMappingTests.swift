import CurlTransport
import TapeCore
import Testing

struct CurlFailureMappingTests {
    // CURLcode values from curl/curl.h, stable across libcurl versions.
    @Test(arguments: [
        (UInt32(7), TransportFailure.Code.connectionRefused),
        (6, .dns), (5, .dns),
        (56, .connectionReset), (55, .connectionReset), (18, .connectionReset), (52, .connectionReset),
        (65, .connectionReset), (92, .connectionReset),
        (35, .tls), (60, .tls), (58, .tls), (77, .tls), (83, .tls), (90, .tls),
        (28, .timedOut),
        (42, .aborted), (26, .aborted),
        (8, .protocolError), (16, .protocolError), (23, .protocolError), (1, .protocolError), (3, .protocolError),
    ])
    func curlResultMapsToItsFailureCode(result: UInt32, code: TransportFailure.Code) {
        #expect(TransportFailure.Code.forCurlResult(result) == code)
    }

    @Test func failureMessageKeepsLibcurlsWordsAndTheErrno() {
        let failure = TransportFailure.curl(7, detail: "Failed to connect to 127.0.0.1 port 9: Connection refused", osErrno: 111)
        #expect(failure.code == .connectionRefused)
        #expect(failure.message.contains("port 9"))
        #expect(failure.message.contains("errno 111"))
    }
}
