/// How a recording cassette makes its commits safe from a recorder that dies mid-write: chosen
/// with ``Cassette/commitInBackground(journal:onFailure:)``.
///
/// Either way a killed recorder leaves a valid file holding every exchange it committed, and
/// ``Cassette/close()`` syncs the file to disk.
public enum CommitJournal: Sendable, Equatable {
    /// SQLite's write-ahead log, the default. Readers, in this process or another, never wait
    /// for the writer. Every page is written twice: to the log, then back into the file by a
    /// checkpoint.
    case writeAheadLog
    /// A rollback journal, for as long as the recording lasts. The pages a recording appends are
    /// written once, straight into the file, and only the few pages a commit changes are copied to
    /// the journal first; on a large body that roughly halves the writer's work. Readers wait
    /// while a commit is written, so it suits a recorder that does not replay from the cassette
    /// it records into. The file returns to the write-ahead log the next time it is opened for
    /// writing.
    case rollback
}
