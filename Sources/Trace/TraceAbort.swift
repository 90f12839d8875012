/// When the page called `abort()`: the request line's optional `abort` key
/// (DESIGN.md "Trace format"). A replay that takes its settings from a trace calls
/// `abort()` at the same moment.
public enum TraceAbort: Sendable, Hashable {
    /// A listener moment at which `abort()` was called, from inside that listener.
    public enum Moment: String, Sendable, Hashable, CaseIterable {
        /// Inside the xhr's `loadstart` listener.
        case loadstart
        /// Inside the `readystatechange` listener that sees readyState 2 (HEADERS_RECEIVED).
        case readystate2
        /// Inside the first xhr `progress` listener.
        case firstprogress
    }

    /// `{"afterMicros":N}`: a timer N microseconds after send().
    case afterMicros(Int64)
    /// `{"on":"loadstart"}` and the other moments.
    case on(Moment)
}
