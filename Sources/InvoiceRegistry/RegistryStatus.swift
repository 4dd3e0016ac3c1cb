public import InvoiceCore

/// What `registry status` shows: how many rows, the newest update date, and the files the
/// registry was built from (the last full import and every diff applied since).
public struct RegistryStatus: Sendable, Hashable {
    public var path: String
    /// Rows stored (current and history rows of every file).
    public var rows: Int
    /// Rows skipped as bad (only with `--skip-bad-rows`).
    public var skipped: Int
    /// The newest 更新年月日 in the data: how current the registry is.
    public var newestUpdateDate: CivilDate?
    /// The database file's size in bytes.
    public var sizeBytes: Int64
    public var files: [ImportedFileRecord]
    /// Where skipped rows were and why.
    public var skippedRows: [String]
}
