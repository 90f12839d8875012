#if canImport(Glibc)
import CMalloc
#endif

/// How a proxy process asks glibc's allocator to keep the memory it frees for reuse.
///
/// Every upstream transfer takes a 512 KiB receive buffer from libcurl (`CURLOPT_BUFFERSIZE`,
/// see `ProxyConfiguration`) and frees it when it ends. With glibc's defaults the free top of
/// the transport thread's arena is handed back to the kernel (`madvise`, one TLB shootdown
/// across cores each time) and the next transfer faults the same pages in again: measured at
/// 1 KiB / 16 connections, 1.5 % of the transport thread in `madvise` and as much again in
/// page faults. Keeping up to 16 MiB of free top per arena ends that; the peak resident set
/// of a 1 GiB recording stays at about 66 MiB.
enum HeapTuning {
    /// Up to this much free memory at the top of an arena stays with the process.
    static let trimThresholdBytes: Int32 = 16 << 20
    /// Blocks from this size up are mapped on their own. Setting the trim threshold turns
    /// glibc's sliding mmap threshold off, so it is fixed here above the receive buffer.
    static let mmapThresholdBytes: Int32 = 4 << 20

    /// Applies the settings to the whole process, from any thread: `xhrtape record` and
    /// `replay` call it first. A program that starts a `ProxyServer` itself keeps glibc's defaults.
    static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThresholdBytes)
        _ = mallopt(M_TRIM_THRESHOLD, trimThresholdBytes)
        #endif
    }
}
