public import InvoiceCore

/// One received file as SPEC.md's `documents list --json` shows it (also the entries of
/// `ledger list` and `review list`).
public struct DocumentSummary: Sendable, Codable, Hashable {
    public var id: String
    public var sourceFile: String
    public var sha256: String
    public var receivedAt: String
    public var outcome: Outcome
    public var reasons: [Reason]
    public var template: String?
    public var pages: Int
    public var fields: [String: FieldValue]
    public var ledgerID: String?
    public var reviewID: String?
    /// For a duplicate: the document it repeats.
    public var duplicateOf: String?

    enum CodingKeys: String, CodingKey {
        case id, sha256, outcome, reasons, template, pages, fields
        case sourceFile = "source_file", receivedAt = "received_at", ledgerID = "ledger_id", reviewID = "review_id"
        case duplicateOf = "duplicate_of"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(reasons, forKey: .reasons)
        // SPEC's nulls are written out, not left away.
        try container.encode(template, forKey: .template)
        try container.encode(pages, forKey: .pages)
        try container.encode(fields, forKey: .fields)
        try container.encode(ledgerID, forKey: .ledgerID)
        try container.encode(reviewID, forKey: .reviewID)
        if let duplicateOf { try container.encode(duplicateOf, forKey: .duplicateOf) }
    }
}
