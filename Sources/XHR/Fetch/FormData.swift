/// The XHR Standard's `FormData`: an ordered "entry list" of names with string or file values.
public struct FormData: Hashable, Sendable {
    /// An entry's value: a string, or a file (a blob with a file name).
    public enum Value: Hashable, Sendable {
        case string(String)
        case file(Blob, filename: String)
    }

    /// One entry of the list.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var value: Value

        public init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// The entry list, in order.
    public private(set) var entries: [Entry] = []

    /// `new FormData()`.
    public init() {}

    /// HTML's "create an entry" for a blob: a blob that is not a File gets the name "blob",
    /// unless `filename` is given.
    static func fileEntryValue(_ blob: Blob, filename: String?) -> Value {
        .file(blob, filename: filename ?? "blob")
    }

    /// `append(name, value)`.
    public mutating func append(_ name: String, _ value: String) {
        entries.append(Entry(name: name, value: .string(value)))
    }

    /// `append(name, blobValue, filename)`; the file name defaults to "blob".
    public mutating func append(_ name: String, _ blob: Blob, filename: String? = nil) {
        entries.append(Entry(name: name, value: Self.fileEntryValue(blob, filename: filename)))
    }

    /// `set(name, value)`: replaces the first entry with this name, removing the others, or appends.
    public mutating func set(_ name: String, _ value: String) {
        set(Entry(name: name, value: .string(value)))
    }

    /// `set(name, blobValue, filename)`.
    public mutating func set(_ name: String, _ blob: Blob, filename: String? = nil) {
        set(Entry(name: name, value: Self.fileEntryValue(blob, filename: filename)))
    }

    private mutating func set(_ entry: Entry) {
        guard let index = entries.firstIndex(where: { $0.name == entry.name }) else {
            entries.append(entry)
            return
        }
        entries[index] = entry
        entries = entries.enumerated().filter { $0.offset <= index || $0.element.name != entry.name }.map(\.element)
    }

    /// `get(name)`: the first value with this name.
    public func get(_ name: String) -> Value? {
        entries.first { $0.name == name }?.value
    }

    /// `getAll(name)`.
    public func getAll(_ name: String) -> [Value] {
        entries.filter { $0.name == name }.map(\.value)
    }

    /// `has(name)`.
    public func has(_ name: String) -> Bool {
        entries.contains { $0.name == name }
    }

    /// `delete(name)`.
    public mutating func delete(_ name: String) {
        entries.removeAll { $0.name == name }
    }
}
