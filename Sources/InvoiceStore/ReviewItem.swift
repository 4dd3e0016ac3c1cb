public import InvoiceCore

/// One entry of the review queue with the document it holds back.
public struct ReviewItem: Sendable, Codable {
    public enum Status: String, Sendable, Codable { case open, approved, rejected }

    public var id: String
    public var status: Status
    public var reasons: [Reason]
    public var createdAt: String
    public var resolvedAt: String?
    public var resolvedBy: String?
    public var note: String?
    public var document: DocumentSummary

    enum CodingKeys: String, CodingKey {
        case id, status, reasons, note, document
        case createdAt = "created_at", resolvedAt = "resolved_at", resolvedBy = "resolved_by"
    }
}
