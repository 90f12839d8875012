import CurlTransport
import HTTPTypes
import TapeCore
import Testing

struct ResponseHeadParserTests {
    private func feed(_ lines: [String], into parser: inout ResponseHeadParser) throws -> [ResponseHeadParser.Output] {
        try lines.map { line throws(TransportFailure) in try parser.consume(Array((line + "\r\n").utf8)) }
    }

    @Test func finalHeadKeepsReasonPhraseAndFieldOrderAndCase() throws {
        var parser = ResponseHeadParser()
        let outputs = try feed(["HTTP/1.1 299 Fine Thing", "X-Dup: first", "x-mixed-CASE:  kept  ", "X-Dup: second", "X-Empty:", ""], into: &parser)
        guard case .finalHead(let head) = outputs.last else {
            Issue.record("expected a final head, got \(outputs)"); return
        }
        #expect(head.version == .http1_1)
        #expect(head.status == 299)
        #expect(head.reasonPhrase == "Fine Thing")
        #expect(head.headerFields.wirePairs.map(\.name) == ["X-Dup", "x-mixed-CASE", "X-Dup", "X-Empty"])
        #expect(head.headerFields.wirePairs.map(\.value) == ["first", "kept", "second", ""])
        #expect(parser.isHeadComplete)
    }

    @Test func statusLineWithoutReasonPhraseHasAnEmptyOne() throws {
        for line in ["HTTP/1.1 200", "HTTP/1.1 200 "] {
            var parser = ResponseHeadParser()
            let outputs = try feed([line, ""], into: &parser)
            #expect(outputs.last == .finalHead(ResponseHead(status: 200, reasonPhrase: "")))
        }
    }

    @Test func http2StatusLineParses() throws {
        var parser = ResponseHeadParser()
        let outputs = try feed(["HTTP/2 204 ", "content-type: text/plain", ""], into: &parser)
        guard case .finalHead(let head) = outputs.last else {
            Issue.record("expected a final head"); return
        }
        #expect(head.version == .http2)
        #expect(head.status == 204)
    }

    @Test func interimHeadsAreDroppedBeforeTheFinalOne() throws {
        var parser = ResponseHeadParser()
        let outputs = try feed(["HTTP/1.1 100 Continue", "", "HTTP/1.1 103 Early Hints", "Link: </a>", "", "HTTP/1.1 200 OK", "A: 1", ""], into: &parser)
        #expect(outputs[1] == .interimHead(status: 100))
        #expect(outputs[4] == .interimHead(status: 103))
        guard case .finalHead(let head) = outputs.last else {
            Issue.record("expected a final head"); return
        }
        #expect(head.headerFields.wirePairs.map(\.name) == ["A"])
    }

    @Test func linesAfterTheFinalHeadAreTrailers() throws {
        var parser = ResponseHeadParser()
        _ = try feed(["HTTP/1.1 200 OK", "Transfer-Encoding: chunked", ""], into: &parser)
        #expect(parser.trailers == nil)
        _ = try feed(["Server-Timing: total;dur=5", "X-Checksum: abc", ""], into: &parser)
        #expect(parser.trailers?.wirePairs.map(\.name) == ["Server-Timing", "X-Checksum"])
    }

    @Test func foldedLineContinuesThePreviousValue() throws {
        var parser = ResponseHeadParser()
        let outputs = try feed(["HTTP/1.1 200 OK", "X-Long: one", "   two", ""], into: &parser)
        guard case .finalHead(let head) = outputs.last else {
            Issue.record("expected a final head"); return
        }
        #expect(head.headerFields.wirePairs.map(\.value) == ["one two"])
    }

    @Test func malformedStatusLineIsAProtocolError() {
        for line in ["HTP/1.1 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200OK", "garbage"] {
            var parser = ResponseHeadParser()
            #expect(throws: TransportFailure.self) { try parser.consume(Array(line.utf8)) }
            do {
                _ = try parser.consume(Array(line.utf8))
            } catch {
                #expect(error.code == .protocolError)
            }
        }
    }

    @Test func fieldLineWithoutColonOrWithSpaceBeforeItIsAProtocolError() throws {
        for line in ["No colon here", "Bad Name: x"] {
            var parser = ResponseHeadParser()
            _ = try parser.consume(Array("HTTP/1.1 200 OK\r\n".utf8))
            do {
                _ = try parser.consume(Array(line.utf8))
                Issue.record("'\(line)' was accepted")
            } catch {
                #expect(error.code == .protocolError)
            }
        }
    }
}
