import COpenSSL

/// An owned OpenSSL memory BIO: the buffer PEM text is read from and written to.
struct MemoryBIO: ~Copyable {
    /// The `BIO *`, freed when this value is destroyed.
    let pointer: OpaquePointer

    /// An empty BIO to write into.
    init() throws(TLSError) {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw TLSError.openSSL(.io, "OpenSSL could not allocate a memory buffer (out of memory?).")
        }
        self.pointer = bio
    }

    /// A BIO holding a copy of `text`'s UTF-8 bytes, ready to be read.
    init(copying text: String) throws(TLSError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Int(Int32.max) else {
            throw TLSError(code: .invalidPEM, message: "The PEM text is \(bytes.count) bytes long; PEM files this large are not certificates or keys.")
        }
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw TLSError.openSSL(.io, "OpenSSL could not allocate a memory buffer (out of memory?).")
        }
        let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) }
        guard bytes.isEmpty || written == Int32(bytes.count) else {
            BIO_free(bio)
            throw TLSError.openSSL(.io, "OpenSSL could not copy \(bytes.count) bytes into a memory buffer.")
        }
        self.pointer = bio
    }

    deinit {
        BIO_free(self.pointer)
    }

    /// Everything written to the BIO so far, as UTF-8 text.
    var contents: String {
        var data: UnsafeMutablePointer<CChar>?
        let length = copenssl_BIO_get_mem_data(self.pointer, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
