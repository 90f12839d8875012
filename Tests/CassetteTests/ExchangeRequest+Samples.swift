import HTTPTypes
import TapeCore

extension ExchangeRequest {
    /// A request with header fields given as wire pairs.
    static func sample(_ method: String = "GET", _ url: String, headers: [(String, String)] = [], body: [UInt8] = []) -> ExchangeRequest {
        ExchangeRequest(
            head: RequestHead(method: method, url: url, headerFields: HTTPFields(wirePairs: headers.map { (name: $0.0, value: $0.1) })!),
            body: body)
    }
}
