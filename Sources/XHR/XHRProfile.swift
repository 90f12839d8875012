/// Whose behaviour the ``XMLHttpRequest`` reproduces.
///
/// `spec` follows the WHATWG standard literally. The `chromium` profile (XHR-NOTES.md
/// §3: one progress at end of body, a trailing 50 ms progress timer, HEADERS_RECEIVED
/// entered with the first body bytes …) comes with the golden traces from a real
/// Chromium; the state machine marks the places it will branch with `XHR-NOTES §3.n`.
public enum XHRProfile: String, Sendable, Hashable, CaseIterable {
    /// The WHATWG XMLHttpRequest standard, read literally.
    case spec
}
