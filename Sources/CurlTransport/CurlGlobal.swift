import CCurl

/// libcurl's process-wide initialisation, done once.
///
/// `curl_global_init` is thread-safe in the libcurl we link (7.84+, built `threadsafe`),
/// and a `static let` is initialised exactly once even when several threads race to it.
enum CurlGlobal {
    /// The result of `curl_global_init(CURL_GLOBAL_DEFAULT)`.
    static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// libcurl's version text, such as `7.88.1`, for messages.
    static var versionText: String {
        String(cString: curl_version_info(CURLVERSION_TENTH).pointee.version)
    }
}
