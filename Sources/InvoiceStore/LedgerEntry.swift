/// A ledger entry as searches and exports see it: its current version's values, whether it is
/// voided, and the document it was posted from. Encodes flat (`ledger export --format json`):
/// the ids, SPEC's field names with their current values, the void and the original.
public struct LedgerEntry: Sendable, Hashable, Encodable {
    public var id: Int64
    public var documentID: Int64
    /// The current (latest) version number; 1 until corrected.
    public var version: Int
    public var values: LedgerValues
    public var void: LedgerVoid?
    public var sourceFile: String
    public var sha256: String

    enum CodingKeys: String, CodingKey {
        case version, void, voided, sha256
        case id = "ledger_id", documentID = "document_id", sourceFile = "source_file"
    }

    public func encode(to encoder: any Encoder) throws {
        // The values' keys go into the same object as the entry's own.
        try values.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(String(documentID), forKey: .documentID)
        try container.encode(version, forKey: .version)
        try container.encode(void != nil, forKey: .voided)
        try container.encode(void, forKey: .void)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(sha256, forKey: .sha256)
    }
}
