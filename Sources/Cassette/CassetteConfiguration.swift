/// How a ``Cassette`` writes: who is recording, what is redacted and how much is buffered.
public struct CassetteConfiguration: Sendable {
    /// The recorder's name and version, stored with every session (for example `xhrtape 0.3.1`).
    public var toolVersion: String
    /// What is removed from requests and responses before they reach disk. Replay applies the
    /// same redactor to live requests, so a rule's placeholder matches its placeholder.
    public var redactor: Redactor
    /// The most bytes of events an ``ExchangeWriter`` holds before writing them to the file. A
    /// small exchange is written in one transaction when it ends; a large body is written in
    /// pieces of about this size, so memory stays bounded whatever the body's size.
    public var flushThresholdBytes: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - toolVersion: The recorder's name and version.
    ///   - redactor: What to redact; ``Redactor/standard`` by default.
    ///   - flushThresholdBytes: Bytes buffered per exchange before a write; 1 MiB by default.
    public init(toolVersion: String = "xhrtape", redactor: Redactor = .standard, flushThresholdBytes: Int = 1 << 20) {
        self.toolVersion = toolVersion
        self.redactor = redactor
        self.flushThresholdBytes = max(1, flushThresholdBytes)
    }
}
