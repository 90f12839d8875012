import Foundation
@testable import XHR
import TapeCore
import Testing

/// WPT group 09: getAllResponseHeaders() and getResponseHeader() at the XHR level (the
/// pure rules are in Fetch/HeaderRulesTests.swift).
struct WPTResponseHeaderTests {
    /// Loads resources/headers.py, calling `check` at every readystatechange.
    static func loadHeaders(_ check: @escaping (XMLHttpRequest) -> Void = { _ in }) throws -> XHRHarness {
        let harness = WPTServer.harness()
        harness.xhr.onreadystatechange = { _ in check(harness.xhr) }
        try harness.xhr.open("GET", "resources/headers.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(harness.xhr.readyState == .done)
        return harness
    }

    @Test("getallresponseheaders-status.htm: the status line is never part of getAllResponseHeaders()")
    func noStatusLine() throws {
        #expect(WPTServer.harness().xhr.getAllResponseHeaders() == "")
        var seen: [(ReadyState, String)] = []
        _ = try Self.loadHeaders { seen.append(($0.readyState, $0.getAllResponseHeaders().lowercased())) }
        #expect(seen.first.map { $0.0 == .opened && $0.1 == "" } == true)
        let later = seen.filter { $0.0.rawValue > 1 }
        #expect(later.count == 3)
        #expect(later.allSatisfy { !$0.1.isEmpty && !$0.1.contains("200 ok") && !$0.1.contains("http/1.") })
    }

    @Test("getresponseheader-case-insensitive.htm: getResponseHeader() matches names case-insensitively; a missing one is null")
    func caseInsensitiveLookup() throws {
        let xhr = try Self.loadHeaders().xhr
        for name in ["x-custom-header", "X-Custom-Header", "X-CUSTOM-HEADER", "X-custom-HEADER"] {
            #expect(xhr.getResponseHeader(name) == "test")
        }
        #expect(xhr.getResponseHeader("X-CUSTOM-header-COMMA") == "1, 2")
        #expect(xhr.getResponseHeader("X-CUSTOM-no-such-header-in-response") == nil)
        #expect(xhr.getResponseHeader("CONTENT-TYPE") == "text/plain")
    }

    @Test("getresponseheader-chunked-trailer.htm: trailers are not exposed as headers; the chunked body is reassembled")
    func trailersAreNotHeaders() throws {
        let harness = WPTServer.harness()
        try harness.xhr.open("GET", "resources/chunked.py")
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        let xhr = harness.xhr
        #expect(xhr.getResponseHeader("Trailer") == "X-Test-Me")
        #expect(xhr.getResponseHeader("X-Test-Me") == nil)
        #expect(!xhr.getAllResponseHeaders().contains("Trailer header value"))
        #expect(xhr.getAllResponseHeaders().contains("trailer: X-Test-Me"))
        #expect(try xhr.responseText == "First chunk\r\nSecond chunk\r\nYet another (third) chunk\r\nYet another (fourth) chunk\r\n")
    }

    @Test("getresponseheader-cookies-and-more.htm: an empty value is '', Set-Cookie and Set-Cookie2 are null, nothing before HEADERS_RECEIVED")
    func cookiesAndEmptyValues() throws {
        var checks: [Bool] = []
        _ = try Self.loadHeaders { xhr in
            if xhr.readyState == .opened {
                checks.append(xhr.getResponseHeader("x-custom-header") == nil)
            } else {
                checks.append(xhr.getResponseHeader("x-custom-header") == "test" && xhr.getResponseHeader("x-custom-header-empty") == ""
                              && xhr.getResponseHeader("set-cookie") == nil && xhr.getResponseHeader("set-cookie2") == nil
                              && xhr.getResponseHeader("x-non-existent-header") == nil)
            }
        }
        #expect(checks.count == 4)
        #expect(checks.allSatisfy { $0 })
    }

    @Test("getresponseheader-server-date.htm: the Server and Date headers are exposed")
    func serverAndDate() throws {
        let xhr = try Self.loadHeaders().xhr
        #expect(xhr.getResponseHeader("Server") != nil)
        #expect(xhr.getResponseHeader("Date") != nil)
    }

    /// Left out: WPT expects the UTF-8 bytes of X-Custom-Header-Bytes ("…") back as three
    /// Latin-1 code units ("\u{E2}\u{80}\u{A6}", isomorphic decoding); TapeCore's header
    /// fields decode values as UTF-8, so the XHR returns "…".
    @Test("getresponseheader-special-characters.htm: names with spaces, newlines, a colon or non-ASCII match nothing")
    func specialCharacterNames() throws {
        let xhr = try Self.loadHeaders().xhr
        for name in ["x-custom-header ", " x-custom-header", "x¾", "x-custom-header\n", "\nx-custom-header", "x-custom-header:"] {
            #expect(xhr.getResponseHeader(name) == nil)
        }
        #expect(xhr.getResponseHeader("x-custom-header") == "test")
    }

    @Test("getresponseheader-unsent-opened-state.htm: getResponseHeader() is null in UNSENT and OPENED")
    func nullBeforeHeaders() throws {
        let harness = WPTServer.harness()
        var opened: [String?] = []
        #expect(harness.xhr.getResponseHeader("x-custom-header") == nil)
        harness.xhr.onreadystatechange = { _ in
            if harness.xhr.readyState.rawValue < 2 {
                opened += [harness.xhr.getResponseHeader("x-custom-header"), harness.xhr.getResponseHeader("CONTENT-TYPE")]
            }
        }
        try harness.xhr.open("GET", "resources/headers.py")
        #expect(harness.xhr.getResponseHeader("x-custom-header") == nil)
        #expect(harness.xhr.getResponseHeader("Date") == nil)
        try harness.xhr.send()
        harness.scheduler.runUntilIdle()
        #expect(opened == [nil, nil])
        #expect(harness.xhr.getResponseHeader("x-custom-header") == "test")
    }

    @Test("headers-normalize-response.htm: response header values are whitespace-trimmed; a NUL in a value is a network error",
          arguments: ["hello world\0", "\0hello world", "hello\0world", "  hello world", "hello world  ", "  hello world  ", "\thello world",
                      "hello world\t", "\thello world\t", "hello      world", "hello\tworld", "\0", "   ", "\t", ""])
    func normalizedValues(value: String) throws {
        let harness = WPTServer.harness()
        let escaped = value.utf8.map { PercentEncoding.percentEncoded($0) }.joined()
        try harness.xhr.open("GET", "resources/parse-headers.py?my-custom-header=" + escaped, async: false)
        if value.contains("\0") {
            #expect(thrownName { try harness.xhr.send() } == .networkError)
        } else {
            try harness.xhr.send()
            #expect(harness.xhr.getResponseHeader("My-Custom-Header") == value.trimmingCharacters(in: .whitespaces))
        }
    }
}
