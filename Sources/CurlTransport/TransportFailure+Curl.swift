import CCurl
import Glibc
package import TapeCore

extension TransportFailure.Code {
    /// The failure code for a libcurl result (`CURLcode` raw value).
    ///
    /// - `COULDNT_CONNECT` (7) → ``TransportFailure/Code/connectionRefused``: the TCP
    ///   connect failed (refused, or unreachable; the message names the `errno`).
    /// - `COULDNT_RESOLVE_HOST` (6), `COULDNT_RESOLVE_PROXY` (5) → ``TransportFailure/Code/dns``.
    /// - ``TransportFailure/Code/connectionReset``: the peer went away before the response
    ///   was complete. `RECV_ERROR` (56) is a failed `recv`, in practice a TCP RST;
    ///   `SEND_ERROR` (55) a failed `send`; `PARTIAL_FILE` (18) a clean close (FIN) before
    ///   `Content-Length` or the last chunk; `GOT_NOTHING` (52) a close before a single
    ///   response byte; `SEND_FAIL_REWIND` (65) a dead reused connection whose request
    ///   body could not be resent; `HTTP2_STREAM` (92) an HTTP/2 `RST_STREAM`. Browsers
    ///   give all of these to XHR as the same network error; the message keeps libcurl's
    ///   words, which tell them apart.
    /// - TLS setup and verification (`SSL_CONNECT_ERROR` 35, `PEER_FAILED_VERIFICATION` 60,
    ///   certificate, cipher, CA-file, pinning and engine errors) → ``TransportFailure/Code/tls``.
    /// - `OPERATION_TIMEDOUT` (28) → ``TransportFailure/Code/timedOut``.
    /// - `ABORTED_BY_CALLBACK` (42), `READ_ERROR` (26) → ``TransportFailure/Code/aborted``
    ///   (the request body source failed).
    /// - Everything else (`WEIRD_SERVER_REPLY` 8, `HTTP2` 16, `WRITE_ERROR` 23 from a
    ///   malformed header line, `UNSUPPORTED_PROTOCOL` 1 for an HTTP/0.9 reply, …) →
    ///   ``TransportFailure/Code/protocolError``.
    package static func forCurlResult(_ rawValue: UInt32) -> TransportFailure.Code {
        switch CURLcode(rawValue: rawValue) {
        case CURLE_COULDNT_CONNECT:
            .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .dns
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING,
             CURLE_SEND_FAIL_REWIND, CURLE_HTTP2_STREAM:
            .connectionReset
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED, CURLE_SSL_CLIENTCERT:
            .tls
        case CURLE_OPERATION_TIMEDOUT:
            .timedOut
        case CURLE_ABORTED_BY_CALLBACK, CURLE_READ_ERROR:
            .aborted
        default:
            .protocolError
        }
    }
}

extension TransportFailure {
    /// The failure for a libcurl result, with libcurl's own words (`detail`, from
    /// `CURLOPT_ERRORBUFFER`, else `curl_easy_strerror`), the `errno` when there is one,
    /// and what to do about it.
    package static func curl(_ rawValue: UInt32, detail: String, osErrno: Int) -> TransportFailure {
        let code = TransportFailure.Code.forCurlResult(rawValue)
        let words = detail.isEmpty ? String(cString: curl_easy_strerror(CURLcode(rawValue: rawValue))) : detail
        var message = "\(words) (libcurl \(CurlGlobal.versionText) error \(rawValue)"
        if osErrno != 0 { message += ", errno \(osErrno): \(String(cString: strerror(Int32(osErrno))))" }
        message += ")."
        switch code {
        case .connectionRefused: message += " Nothing accepted the connection: check that the server is running and the port is right."
        case .dns: message += " Check the host name, or the resolver configuration."
        case .tls: message += " If the server uses a private certificate authority, trust it with TLSTrust.certificateAuthorityFile or .certificateAuthorityPEM."
        case .timedOut: message += " Raise CurlTransport.Configuration's connectTimeout or totalTimeout if the server is just slow."
        default: break
        }
        return TransportFailure(code, message: message)
    }
}
