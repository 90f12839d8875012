#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Identifies a process that records into a cassette, so that a later process can tell a
/// recorder that is still running from one that crashed.
///
/// A pid alone can be reused after a crash; on Linux the process start time from
/// `/proc/<pid>/stat` tells the two apart. Elsewhere the pid is trusted.
struct RecorderProcess: Equatable {
    /// `gethostname`, so that a cassette on a shared disk is not judged by another host's pids.
    var host: String
    /// The process id.
    var pid: Int64
    /// The start time in clock ticks after boot (field 22 of `/proc/<pid>/stat`), if known.
    var startTicks: Int64?

    /// This process.
    static let current = RecorderProcess(
        host: currentHostName(), pid: Int64(getpid()), startTicks: startTicks(of: Int64(getpid())))

    /// True when the process could still be running: it is on another host (we cannot tell), or
    /// a process with its pid exists and started at the recorded time.
    var mightBeAlive: Bool {
        guard host == Self.current.host else { return true }
        if pid == Self.current.pid { return startTicks == Self.current.startTicks }
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        if kill(pid_t(pid), 0) != 0 && errno == ESRCH { return false }
        if let startTicks, let actual = Self.startTicks(of: pid) { return actual == startTicks }
        return true
    }

    private static func currentHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func startTicks(of pid: Int64) -> Int64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may contain spaces) start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return Int64(fields[19])
    }
}
