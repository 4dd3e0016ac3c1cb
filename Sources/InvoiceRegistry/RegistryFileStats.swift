/// What the parser took from one input file (a CSV, or one CSV inside a ZIP).
struct RegistryFileStats: Sendable {
    /// How many skipped rows are listed by location; the rest are only counted.
    static let skippedRowsKept = 20

    var name = ""
    var size: Int64 = 0
    var rows = 0
    var skipped = 0
    var skippedRows: [String] = []
    /// yyyymmdd, 0 when no row had one.
    var newestUpdateDate: Int32 = 0
}
