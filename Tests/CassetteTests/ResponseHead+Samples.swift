import HTTPTypes
import TapeCore

extension ResponseHead {
    /// An HTTP/1.1 head with header fields given as wire pairs.
    static func sample(status: Int = 200, reason: String = "OK", headers: [(String, String)] = []) -> ResponseHead {
        ResponseHead(status: status, reasonPhrase: reason, headerFields: HTTPFields(wirePairs: headers.map { (name: $0.0, value: $0.1) })!)
    }
}
