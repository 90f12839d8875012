/// A URL record of the WHATWG URL Standard, as ``URLResolver`` builds it.
struct URLRecord: Hashable, Sendable {
    enum Path: Hashable, Sendable {
        case segments([String])
        case opaque(String)
    }

    var scheme = ""
    var username = ""
    var password = ""
    var host: String?
    var port: Int?
    var path = Path.segments([])
    var query: String?
    var fragment: String?

    /// The special schemes and their default ports ("special scheme").
    static let specialSchemes: [String: Int?] = ["ftp": 21, "file": nil, "http": 80, "https": 443, "ws": 80, "wss": 443]

    var isSpecial: Bool { Self.specialSchemes[scheme] != nil }

    var defaultPort: Int? { Self.specialSchemes[scheme] ?? nil }

    var hasOpaquePath: Bool {
        if case .opaque = path { return true }
        return false
    }

    /// "Shorten a URL's path" (the file-scheme drive letter rule does not apply: file is unsupported).
    mutating func shortenPath() {
        guard case .segments(var segments) = path, !segments.isEmpty else { return }
        segments.removeLast()
        path = .segments(segments)
    }

    mutating func appendSegment(_ segment: String) {
        guard case .segments(var segments) = path else { return }
        segments.append(segment)
        path = .segments(segments)
    }

    /// The "URL serializer".
    func serialized(excludeFragment: Bool = false) -> String {
        var output = scheme + ":"
        if let host {
            output += "//"
            if !username.isEmpty || !password.isEmpty {
                output += username
                if !password.isEmpty { output += ":" + password }
                output += "@"
            }
            output += host
            if let port { output += ":" + String(port) }
        }
        switch path {
        case .opaque(let opaque):
            output += opaque
        case .segments(let segments):
            // Step 3: keep "/." so a path starting with an empty segment is not read as a host.
            if host == nil, segments.count > 1, segments[0].isEmpty { output += "/." }
            for segment in segments { output += "/" + segment }
        }
        if let query { output += "?" + query }
        if !excludeFragment, let fragment { output += "#" + fragment }
        return output
    }
}
