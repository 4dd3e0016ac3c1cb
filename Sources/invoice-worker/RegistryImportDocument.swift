import InvoiceCore
import InvoiceRegistry

/// The JSON of `registry import --json`.
struct RegistryImportDocument: Encodable {
    let summary: RegistryImportSummary
    let path: String

    init(_ summary: RegistryImportSummary, path: String) {
        self.summary = summary
        self.path = path
    }

    enum CodingKeys: String, CodingKey { case path, mode, rows, skipped, seconds, files }
    enum FileKeys: String, CodingKey {
        case name, rows, skipped
        case skippedRows = "skipped_rows", newestUpdateDate = "newest_update_date"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(summary.mode.rawValue, forKey: .mode)
        try c.encode(summary.rows, forKey: .rows)
        try c.encode(summary.skipped, forKey: .skipped)
        try c.encode(summary.seconds, forKey: .seconds)
        var files = c.nestedUnkeyedContainer(forKey: .files)
        for file in summary.files {
            var f = files.nestedContainer(keyedBy: FileKeys.self)
            try f.encode(file.name, forKey: .name)
            try f.encode(file.rows, forKey: .rows)
            try f.encode(file.skipped, forKey: .skipped)
            try f.encode(file.skippedRows, forKey: .skippedRows)
            try f.encode(file.newestUpdateDate?.iso, forKey: .newestUpdateDate)
        }
    }
}
