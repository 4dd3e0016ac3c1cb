public import GRDB

/// One input file of the registry's current state: which file, how many rows it gave, how many
/// were skipped, and its newest update date. `registry status` lists them.
public struct ImportedFileRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    /// The table's columns.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let size = Column(CodingKeys.size)
        public static let rows = Column(CodingKeys.rows)
        public static let skipped = Column(CodingKeys.skipped)
        public static let newestUpdateDate = Column(CodingKeys.newestUpdateDate)
        public static let importedAt = Column(CodingKeys.importedAt)
        public static let mode = Column(CodingKeys.mode)
    }

    public static let databaseTableName = "registry_file"

    public var id: Int64
    /// The path as given (a ZIP entry as `archive.zip/entry.csv`).
    public var name: String
    /// Bytes of CSV read.
    public var size: Int64
    public var rows: Int
    public var skipped: Int
    /// `YYYY-MM-DD`, nil when no row had an update date.
    public var newestUpdateDate: String?
    /// ISO 8601, UTC.
    public var importedAt: String
    /// `replace` (a new registry built from this file and the others of its import) or `apply`
    /// (applied on top of the registry in place).
    public var mode: String

    enum CodingKeys: String, CodingKey {
        case id, name, size, rows, skipped
        case newestUpdateDate = "newest_update_date"
        case importedAt = "imported_at"
        case mode
    }
}
