extension Collection<UInt8> {
    /// Calls `body` with the bytes in contiguous memory.
    ///
    /// Arrays, array slices and other contiguous collections are passed without copying; any other
    /// collection is copied into an array first. Unlike `withContiguousStorageIfAvailable`, this
    /// keeps the typed error of `body`.
    ///
    /// - Parameter body: Reads the bytes. The buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    func withContiguousBytes<Value, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let outcome = withContiguousStorageIfAvailable { bytes in
            Result { () throws(Failure) -> Value in try body(bytes) }
        }
        if let outcome { return try outcome.get() }
        return try Array(self).withUnsafeBufferPointer { bytes throws(Failure) in try body(bytes) }
    }
}
