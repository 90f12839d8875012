/// The essence of a `Content-Type` value (`type/subtype`, lowercased, parameters dropped), and the
/// families redaction and matching care about.
struct MediaType: Equatable {
    /// `type/subtype` in lowercase; empty when there was no content type.
    let essence: String

    /// Parses a `Content-Type` field value.
    init(_ contentType: String) {
        let beforeParameters = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        essence = beforeParameters.filter { $0 != " " && $0 != "\t" }.lowercased()
    }

    /// `application/json`, `application/problem+json`, `text/json` …
    var isJSON: Bool { essence.hasSuffix("/json") || essence.hasSuffix("+json") }

    /// `application/x-www-form-urlencoded`.
    var isFormURLEncoded: Bool { essence == "application/x-www-form-urlencoded" }

    /// Text a pattern can sensibly be matched against, or no declared type at all.
    var isTextual: Bool {
        essence.isEmpty || essence.hasPrefix("text/") || isJSON || isFormURLEncoded
            || essence.hasSuffix("/xml") || essence.hasSuffix("+xml") || essence.hasSuffix("/javascript")
    }
}
