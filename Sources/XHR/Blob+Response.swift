extension Blob {
    /// XHR's blob response ("get a blob response"): the final MIME type serialized as
    /// is, not lowercased the way `new Blob([…], {type})` would.
    init(responseBytes: [UInt8], finalMIMEType: MIMEType) {
        self.bytes = responseBytes
        self.type = finalMIMEType.serialized
    }
}
