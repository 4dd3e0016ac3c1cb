import InvoiceCore
import InvoiceRegistry

/// The JSON of `registry status --json`.
struct RegistryStatusDocument: Encodable {
    let path: String
    let rows: Int
    let skipped: Int
    let newestUpdateDate: String?
    let sizeBytes: Int64
    let files: [ImportedFileRecord]
    let skippedRows: [String]

    init(_ status: RegistryStatus) {
        path = status.path
        rows = status.rows
        skipped = status.skipped
        newestUpdateDate = status.newestUpdateDate?.iso
        sizeBytes = status.sizeBytes
        files = status.files
        skippedRows = status.skippedRows
    }

    enum CodingKeys: String, CodingKey {
        case path, rows, skipped, files
        case newestUpdateDate = "newest_update_date", sizeBytes = "size_bytes", skippedRows = "skipped_rows"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(rows, forKey: .rows)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(newestUpdateDate, forKey: .newestUpdateDate)
        try c.encode(sizeBytes, forKey: .sizeBytes)
        try c.encode(files, forKey: .files)
        try c.encode(skippedRows, forKey: .skippedRows)
    }
}
