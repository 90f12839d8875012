/// Whose behaviour the ``XMLHttpRequest`` reproduces.
///
/// `spec` follows the WHATWG standard literally. `chromium` reproduces what headless
/// Chromium 156 did in the golden traces under `recordings/chromium/` (XHR-NOTES.md
/// §3, where the traces decide): one progress at the end of the body at most, a
/// trailing 50 ms progress timer, HEADERS_RECEIVED entered with the first body bytes
/// and held back by MIME sniffing, gzip progress without a total, upload events
/// from a 100 ms poll. Each deviation is marked in the code with the scenario that
/// shows it.
///
/// Where the traces contradict XHR-NOTES.md §3, the profile follows the traces: a
/// redirect does not restart the timeout (recordings/chromium/redirect-timeout.jsonl
/// times out 250 ms after send() across a redirect at 150 ms), and upload listeners
/// added after send() hear nothing (post-100k-listeners-after-send.jsonl), as in `spec`.
public enum XHRProfile: String, Sendable, Hashable, CaseIterable {
    /// The WHATWG XMLHttpRequest standard, read literally.
    case spec
    /// Chromium 156, as the golden traces in `recordings/chromium/` show it.
    case chromium
}
