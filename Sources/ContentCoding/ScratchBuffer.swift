/// A fixed-size heap buffer that zlib or brotli writes output into, one step at a time.
///
/// Decoding and encoding move at most ``capacity`` bytes per library call from here into the
/// caller's array, so memory grows with the output actually produced and never with what a
/// stream claims it will produce.
struct ScratchBuffer: ~Copyable {
    /// The capacity used by all streams: large enough to keep the number of library calls low,
    /// small enough to bound each step.
    static let defaultCapacity = 64 * 1024

    /// The start of the buffer.
    let pointer: UnsafeMutablePointer<UInt8>
    /// The number of bytes the buffer holds.
    let capacity: Int

    /// Allocates an uninitialized buffer.
    ///
    /// - Parameter capacity: The number of bytes; at least 1.
    init(capacity: Int = ScratchBuffer.defaultCapacity) {
        precondition(capacity > 0, "ScratchBuffer capacity must be positive, got \(capacity)")
        self.pointer = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { pointer.deallocate() }

    /// Appends the first `count` bytes, which a library call has just written, to `output`.
    func append(first count: Int, to output: inout [UInt8]) {
        precondition((0...capacity).contains(count), "ScratchBuffer holds \(capacity) bytes, asked for \(count)")
        output.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    }
}
