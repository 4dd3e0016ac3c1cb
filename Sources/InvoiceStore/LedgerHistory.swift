/// Everything `ledger show` tells about one entry: every version (who, when, why, the values),
/// its void if any, the source document and where its original is archived.
public struct LedgerHistory: Sendable, Encodable {
    public var entry: LedgerEntry
    /// Oldest first; the last one holds the current values.
    public var versions: [LedgerVersion]
    public var document: DocumentSummary
    /// The archived original's path.
    public var archivePath: String

    enum CodingKeys: String, CodingKey {
        case id, versions, void, document, current
        case archivePath = "archive_path", currentVersion = "current_version", voided
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(entry.id), forKey: .id)
        try container.encode(entry.version, forKey: .currentVersion)
        try container.encode(entry.values, forKey: .current)
        try container.encode(entry.void != nil, forKey: .voided)
        try container.encode(entry.void, forKey: .void)
        try container.encode(versions, forKey: .versions)
        try container.encode(document, forKey: .document)
        try container.encode(archivePath, forKey: .archivePath)
    }
}
