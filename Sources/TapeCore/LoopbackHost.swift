/// Whether a host names this machine's loopback interface: `localhost`, `::1` (bracketed or
/// not) or any IPv4 address in 127.0.0.0/8. The scenario server listens only on these, and
/// the proxy warns when it listens anywhere else.
public enum LoopbackHost {
    /// True for `localhost`, `::1`, `[::1]` and dotted-quad addresses 127.x.y.z.
    public static func contains(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
    }
}
