import CMalloc

/// glibc allocator settings for the long-running proxy commands.
///
/// libcurl gives every transfer a 512 KiB receive buffer (``ProxyConfiguration/defaultUpstream``)
/// and frees it when the transfer ends. Under glibc's defaults each such buffer was a fresh
/// `mmap` (or, once the dynamic threshold rose, heap that `free` trimmed straight back with
/// `madvise`), so every exchange paid page faults and TLB shootdowns: about 4 % of the
/// proxy's CPU at 1 KiB responses. A fixed 1 MiB mmap threshold serves those buffers from
/// the heap, and a 32 MiB trim threshold keeps the freed ones for the next transfer.
/// Passthrough of 1 KiB responses went from 13.2k to 14.4k requests/s; peak RSS on a
/// 1 GiB recording stays under 100 MB.
enum AllocatorTuning {
    static func applyForProxy() {
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 32 << 20)
    }
}
