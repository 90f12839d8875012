/// What ``XMLHttpRequest/response`` returns, by ``XMLHttpRequest/responseType``.
public enum XHRResponse {
    /// No response (yet), a network error, an unparsable JSON body, or `document`
    /// (this host has no DOM to build a `Document` in).
    case null
    /// `""` and `text`: the decoded text so far.
    case text(String)
    /// `arraybuffer`: the body bytes.
    case arrayBuffer([UInt8])
    /// `blob`: the body with the final MIME type.
    case blob(Blob)
    /// `json`: what `JSONSerialization` made of the body (fragments allowed).
    case json(Any)

    /// The text, if this is ``text(_:)``.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// True for ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

@available(*, unavailable, message: "A JSON response may hold any value")
extension XHRResponse: Sendable {}
