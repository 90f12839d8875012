#if canImport(Glibc)
import Glibc
#endif

/// Names the calling thread as `top -H`, `ps -L` and `perf` show it.
///
/// Foundation's `Thread.name` reaches the system only some of the time on Linux (it is
/// applied from whichever thread wins a race at start), and `pthread_setname_np` is not
/// visible to Swift there; the calling thread's `comm` file always works.
public enum ThreadName {
    /// The longest name Linux keeps, in bytes; a longer one is cut to this length.
    public static let maximumBytes = 15

    /// Gives the calling thread `name` (cut to ``maximumBytes``). Best effort: a system
    /// without `/proc` leaves the thread as it was.
    public static func setCurrent(_ name: String) {
        #if os(Linux)
        let bytes = Array(name.utf8.prefix(maximumBytes))
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #endif
    }
}
