public import XHR

/// An event line.
public struct TraceEvent: Sendable, Hashable {
    /// A progress event's numbers.
    public struct Progress: Sendable, Hashable {
        public var loaded: Int64
        public var total: Int64
        public var lengthComputable: Bool

        public init(loaded: Int64, total: Int64, lengthComputable: Bool) {
            self.loaded = loaded
            self.total = total
            self.lengthComputable = lengthComputable
        }
    }

    public var xhr: Int
    /// Microseconds since send() (0 for events before it).
    public var offsetMicros: Int64
    public var target: XHREventTargetKind
    public var type: String
    public var readyState: ReadyState
    /// The xhr's status, on `readystatechange` lines from HEADERS_RECEIVED on.
    public var status: Int?
    /// Present on progress events.
    public var progress: Progress?

    public init(xhr: Int, offsetMicros: Int64, target: XHREventTargetKind, type: String, readyState: ReadyState, status: Int? = nil, progress: Progress? = nil) {
        self.xhr = xhr
        self.offsetMicros = offsetMicros
        self.target = target
        self.type = type
        self.readyState = readyState
        self.status = status
        self.progress = progress
    }
}
