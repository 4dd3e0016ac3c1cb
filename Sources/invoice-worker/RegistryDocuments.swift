import InvoiceCore
import InvoiceRegistry

/// The JSON of `registry lookup --json`: the keys of SPEC.md (number, registered, name, kind,
/// registration_date, expire_date, disposal_date, reason), always present (null when empty),
/// plus found, on, status, trade_name, popular_name, former_names, address, update_date, source_file.
struct RegistryLookupDocument: Encodable {
    let result: RegistryLookupResult

    init(_ result: RegistryLookupResult) { self.result = result }

    enum CodingKeys: String, CodingKey {
        case number, registered, name, kind, reason, found, on, status, address
        case registrationDate = "registration_date", expireDate = "expire_date", disposalDate = "disposal_date"
        case tradeName = "trade_name", popularName = "popular_name", formerNames = "former_names"
        case updateDate = "update_date", sourceFile = "source_file"
    }

    func encode(to encoder: any Encoder) throws {
        let a = result.answer
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a.number, forKey: .number)
        try c.encode(a.registered, forKey: .registered)
        try c.encode(a.name, forKey: .name)
        try c.encode(a.kind?.rawValue, forKey: .kind)
        try c.encode(a.registrationDate?.iso, forKey: .registrationDate)
        try c.encode(a.expireDate?.iso, forKey: .expireDate)
        try c.encode(a.disposalDate?.iso, forKey: .disposalDate)
        try c.encode(a.reason, forKey: .reason)
        try c.encode(a.found, forKey: .found)
        try c.encode(a.date.iso, forKey: .on)
        try c.encode(result.status.rawValue, forKey: .status)
        try c.encode(a.tradeName, forKey: .tradeName)
        try c.encode(a.popularName, forKey: .popularName)
        try c.encode(result.formerNames, forKey: .formerNames)
        try c.encode(result.address, forKey: .address)
        try c.encode(result.updateDate?.iso, forKey: .updateDate)
        try c.encode(result.sourceFile, forKey: .sourceFile)
    }
}

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
