/// A File API `Blob` as XHR needs it: bytes and a type.
public struct Blob: Hashable, Sendable {
    /// The blob's bytes.
    public var bytes: [UInt8]
    /// The type: ASCII-lowercased, or empty when the given type had a code point outside
    /// U+0020...U+007E (the `Blob` constructor's rule for `BlobPropertyBag.type`).
    public let type: String

    /// Creates a blob the way `new Blob([bytes], {type})` does.
    public init(bytes: [UInt8], type: String = "") {
        self.bytes = bytes
        if type.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            self.type = HTTPGrammar.asciiLowercased(type)
        } else {
            self.type = ""
        }
    }

    /// Creates a blob holding `text`, UTF-8 encoded.
    public init(text: String, type: String = "") {
        self.init(bytes: Array(text.utf8), type: type)
    }

    /// The blob's size in bytes.
    public var size: Int { bytes.count }
}
